package app.rounds.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the pages in one language: the same bundle files the browser pages read (webapp/i18n/&lt;language&gt;.json,
 * see i18n.js), for the pages the server writes itself. A key the language lacks falls back to English, so a new
 * language is one file away. Messages hold {name} placeholders; plural forms ({"one": …, "other": …}) are for the
 * browser, which has the plural rules.
 */
public final class MessageBundle {

    public static final String ENGLISH = "en";
    /** The languages Rounds speaks, each named in itself, in the order the language switch offers them. */
    public static final Map<String, String> LANGUAGES = orderedLanguages();
    public static final String COOKIE = "rounds_lang";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final String language;
    private final Map<String, String> messages;

    private MessageBundle(String language, Map<String, String> messages) {
        this.language = language;
        this.messages = Map.copyOf(messages);
    }

    /** The bundle of a language over English, reading each file (by language code) from where the pages keep them. */
    public static MessageBundle read(String language, Function<String, InputStream> files) {
        Map<String, String> messages = new HashMap<>(strings(files, ENGLISH));
        if (!ENGLISH.equals(language)) {
            messages.putAll(strings(files, language));
        }
        return new MessageBundle(language, messages);
    }

    private static Map<String, String> strings(Function<String, InputStream> files, String language) {
        try (InputStream in = files.apply(language)) {
            if (in == null) {
                throw new IllegalStateException("No message bundle for " + language);
            }
            JsonObject bundle = Json.createReader(in).readObject();
            Map<String, String> strings = new HashMap<>();
            bundle.forEach((key, value) -> {
                if (value.getValueType() == JsonValue.ValueType.STRING) {
                    strings.put(key, ((JsonString) value).getString());
                }
            });
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The message with its placeholders filled from name–value pairs: text("public.published", "date", day). */
    public String text(String key, String... namesAndValues) {
        String message = Optional.ofNullable(messages.get(key))
                .orElseThrow(() -> new IllegalArgumentException("No message " + key));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        Matcher m = PLACEHOLDER.matcher(message);
        return m.replaceAll(found -> Matcher.quoteReplacement(values.getOrDefault(found.group(1), found.group())));
    }

    /**
     * The language to speak, as the pages choose it: ?lang=, then the reader's earlier choice (cookie), then the
     * first of the Accept-Language ranges Rounds speaks; English otherwise. Anything unreadable counts as absent.
     */
    public static String choose(String requested, String cookie, String acceptLanguage) {
        for (String candidate : new String[]{requested, cookie}) {
            Optional<String> spoken = spoken(candidate);
            if (spoken.isPresent()) {
                return spoken.get();
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    Optional<String> spoken = spoken(range.getRange());
                    if (spoken.isPresent() && range.getWeight() > 0) {
                        return spoken.get();
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                // a malformed header is no preference
            }
        }
        return ENGLISH;
    }

    /** "de" for "de", "DE-ch" or "de_AT"; empty for a language Rounds does not speak. */
    public static Optional<String> spoken(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String primary = tag.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGES.containsKey(primary) ? Optional.of(primary) : Optional.empty();
    }

    private static Map<String, String> orderedLanguages() {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("en", "English");
        languages.put("de", "Deutsch");
        languages.put("fr", "Français");
        languages.put("es", "Español");
        languages.put("nl", "Nederlands");
        return Collections.unmodifiableMap(languages);
    }
}
