package app.rounds.screening.control;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Given names and surnames of many countries, from the locale name lists that datafaker ships (a well-kept library;
 * its lists are read as data, nothing is faked), and which of them are also ordinary words ("will", "grace", "rosa",
 * "bakker": {@code screening/names/common-words.txt}, made by docs/screening/make-common-word-names.py). Words are
 * kept in lower case. Loaded once per JVM, on first use (about 60,000 names, a few MB).
 */
final class NameGazetteer {

    private static final Logger LOG = Logger.getLogger(NameGazetteer.class.getName());

    /** The locales whose lists are read: names of patients and families in European hospitals come from all over. */
    private static final List<String> LOCALES = List.of("en/name", "en-AU", "en-IE", "en-IN", "en-NG", "en-NZ",
            "en-PAK", "en-SG", "en-UG", "en-ZA", "en-MS", "en-NEP", "en-PH", "de", "de-AT", "de-CH", "fr", "fr-CA",
            "es", "es-MX", "es-AR", "it", "nl", "pt", "pt-BR", "pl", "tr", "ar", "fa", "he", "hu", "sv", "da-DK",
            "nb-NO", "no-NO", "fi-FI", "cs-CZ", "sk", "hr", "lv", "et", "id", "vi", "hy", "ka", "uk", "ru", "bg",
            "sq", "el-GR", "zh-CN", "ja", "ko", "th", "ca");

    /** Joining words of surnames: van der Berg, de la Rosa, El Amrani, bin Laden, dos Santos. */
    static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da", "das",
            "dos", "do", "du", "la", "le", "el", "al", "ten", "ter", "te", "bin", "ben", "ibn", "abu", "mac", "st",
            "y", "i", "e", "het", "vom", "zu", "des", "dei", "d");

    private static final class Loaded {
        static final NameGazetteer INSTANCE = load();
    }

    private final Set<String> givenNames;
    private final Set<String> surnames;
    private final Set<String> commonWords;

    private NameGazetteer(Set<String> givenNames, Set<String> surnames, Set<String> commonWords) {
        this.givenNames = givenNames;
        this.surnames = surnames;
        this.commonWords = commonWords;
    }

    static NameGazetteer get() {
        return Loaded.INSTANCE;
    }

    /** Lower-case {@code word} is someone's given name somewhere. */
    boolean givenName(String word) {
        return givenNames.contains(word);
    }

    boolean surname(String word) {
        return surnames.contains(word);
    }

    boolean anyName(String word) {
        return givenNames.contains(word) || surnames.contains(word);
    }

    /** A name that is also an ordinary word in one of the languages Rounds screens: it needs more evidence. */
    boolean commonWord(String word) {
        return commonWords.contains(word);
    }

    private static NameGazetteer load() {
        long started = System.nanoTime();
        Set<String> given = new HashSet<>(32_768);
        Set<String> family = new HashSet<>(65_536);
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (String locale : LOCALES) {
            try (InputStream in = NameGazetteer.class.getResourceAsStream("/" + locale + ".yml")) {
                if (in == null) {
                    LOG.warning(() -> "datafaker has no name list " + locale + ".yml; names of that locale are unknown");
                    continue;
                }
                collect(yaml.load(in), given, family);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                LOG.warning(() -> "datafaker's " + locale + ".yml could not be read: " + e);
            }
        }
        Set<String> common = readWords("/screening/names/common-words.txt");
        LOG.fine(() -> String.format("Name gazetteer: %d given names, %d surnames in %d ms", given.size(),
                family.size(), (System.nanoTime() - started) / 1_000_000));
        return new NameGazetteer(Set.copyOf(given), Set.copyOf(family), common);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object root, Set<String> given, Set<String> family) {
        if (!(root instanceof Map<?, ?> locales) || locales.isEmpty()) {
            return;
        }
        Object faker = locales.values().iterator().next();
        if (!(faker instanceof Map<?, ?> f) || !(f.get("faker") instanceof Map<?, ?> providers)
                || !(providers.get("name") instanceof Map<?, ?> name)) {
            return;
        }
        for (Map.Entry<?, ?> list : ((Map<Object, Object>) name).entrySet()) {
            String key = String.valueOf(list.getKey());
            if (!(list.getValue() instanceof List<?> values)) {
                continue;
            }
            Set<String> into = key.contains("last") ? family
                    : key.contains("first") || key.endsWith("english_name") || key.startsWith("tamil_") ? given
                    : null;
            if (into == null) {
                continue;
            }
            for (Object value : values) {
                if (value instanceof String s && !s.contains("#{")) {
                    for (String token : s.toLowerCase(Locale.ROOT).split("[\\s'’.-]+")) {
                        if (token.length() > 1 && !PARTICLES.contains(token)) {
                            into.add(token);
                        }
                    }
                }
            }
        }
    }

    private static Set<String> readWords(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = NameGazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
