package app.rounds.platform.control;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Stream;

/**
 * The words for a field that broke a declared constraint: "The title is required.", "The description can be at most
 * 1,000 characters (this one has 1,204).". Sentences and field labels live in one bundle, {@code FieldMessages.properties}
 * beside this class (a language is a file away); Bean Validation's own messages ("size must be between 0 and 1000")
 * never reach a client.
 * <p>
 * A sentence is looked up from the most to the least specific key: {@code <Type>.<field>.<Constraint>},
 * {@code <field>.<Constraint>}, {@code <Constraint>}; a label as {@code label.<Type>.<field>}, then
 * {@code label.<field>}. Sentences may use {Label} and {label} (the field's label, capitalised or not), {min},
 * {max}, {value} (a bound) and {length} (how long the value sent was).
 */
public final class FieldMessages {

    private static final ResourceBundle WORDS = ResourceBundle.getBundle(FieldMessages.class.getName(), Locale.ROOT,
            FieldMessages.class.getClassLoader());

    private FieldMessages() {
    }

    /**
     * @param type     the simple name of the request type the field belongs to (for wording particular to it), or null
     * @param field    the field's name as the client sends it, e.g. {@code scheduledEnd}
     * @param rejected the value sent, for its length
     */
    public static String of(String type, String field, Annotation constraint, Object rejected) {
        String key = sentenceKey(constraint, rejected);
        String sentence = lookUp(Stream.of(type == null ? null : type + "." + field + "." + key, field + "." + key, key))
                .orElseGet(() -> lookUp(Stream.of("invalid")).orElseThrow());
        return fill(sentence, label(type, field))
                .replace("{min}", number(attribute(constraint, "min")))
                .replace("{max}", number(attribute(constraint, "max")))
                .replace("{value}", number(attribute(constraint, "value")))
                .replace("{length}", number(length(rejected)));
    }

    /** How a sentence names the field, e.g. "the end"; a field without a label of its own is named by its words. */
    public static String label(String type, String field) {
        return explicitLabel(type, field).orElseGet(() -> "the " + field.replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ENGLISH));
    }

    /** Whether the bundle names the field (tests check that every field of every request type is named). */
    public static Optional<String> explicitLabel(String type, String field) {
        return lookUp(Stream.of(type == null ? null : "label." + type + "." + field, "label." + field));
    }

    /**
     * A sentence of the bundle for a rule rather than a constraint, e.g. {@code scheduledEnd.beforeStart}, about
     * {@code field}, with the values its placeholders name (numbers written as "1,000").
     */
    public static String sentence(String key, String field, Map<String, ?> values) {
        String sentence = fill(WORDS.getString(key), label(null, field));
        for (Map.Entry<String, ?> value : values.entrySet()) {
            sentence = sentence.replace("{" + value.getKey() + "}", number(value.getValue()));
        }
        return sentence;
    }

    public static String sentence(String key, String field) {
        return sentence(key, field, Map.of());
    }

    private static String fill(String sentence, String label) {
        return sentence.replace("{Label}", capitalised(label)).replace("{label}", label);
    }

    static String sentenceKey(Annotation constraint, Object rejected) {
        String name = constraint.annotationType().getSimpleName();
        if (!name.equals("Size")) {
            return name;
        }
        int min = (int) attribute(constraint, "min");
        int max = (int) attribute(constraint, "max");
        String bounds = min == max ? "exactly" : min == 0 ? "max" : max == Integer.MAX_VALUE ? "min" : "range";
        boolean entries = rejected instanceof Collection<?> || rejected instanceof Map<?, ?>
                || rejected != null && rejected.getClass().isArray();
        return "Size." + bounds + (entries ? ".entries" : "");
    }

    private static Optional<String> lookUp(Stream<String> keys) {
        return keys.filter(k -> k != null && WORDS.containsKey(k)).findFirst().map(WORDS::getString);
    }

    private static Object attribute(Annotation constraint, String name) {
        try {
            return constraint.annotationType().getMethod(name).invoke(constraint);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + name + " of " + constraint, e);
        }
    }

    private static Long length(Object value) {
        return switch (value) {
            case null -> null;
            case CharSequence text -> (long) text.length();
            case Collection<?> entries -> (long) entries.size();
            case Map<?, ?> entries -> (long) entries.size();
            default -> value.getClass().isArray() ? (long) Array.getLength(value) : null;
        };
    }

    private static String number(Object value) {
        return value instanceof Number n ? String.format(Locale.ENGLISH, "%,d", n.longValue())
                : value == null ? "" : value.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ENGLISH) + text.substring(1);
    }

    static ResourceBundle bundle() {
        return WORDS;
    }
}
