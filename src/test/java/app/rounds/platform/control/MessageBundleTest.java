package app.rounds.platform.control;

import app.rounds.testing.Bundles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message bundles the pages and the public site speak from: every language complete for what trainees and the
 * public see, placeholders and plural forms that match English, and the pages' marked words and scripts' keys all
 * in the English bundle (so a page never shows a key, and its English in the HTML never drifts from the bundle).
 */
class MessageBundleTest {

    static final Path BUNDLES = Bundles.FOLDER;
    /** What trainees and the public see: complete in every language. Staff pages may fall back to English. */
    static final List<String> EVERY_LANGUAGE = List.of("common.", "board.connection.", "join.", "trainee.",
            "projector.", "public.", "problem.", "poll.");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\(\\s*'([\\w.-]+)'");
    private static final Pattern SCRIPT_KEY_PREFIX = Pattern.compile("\\bt\\(\\s*`([\\w.-]+)\\$\\{");

    static JsonObject json(String language) throws IOException {
        try (InputStream in = Files.newInputStream(BUNDLES.resolve(language + ".json"))) {
            return Json.createReader(in).readObject();
        }
    }

    @Test
    void everyLanguageSaysAllThatTraineesAndThePublicSeeWithTheSamePlaceholders() throws IOException {
        JsonObject english = json("en");
        for (String language : MessageBundle.LANGUAGES.keySet()) {
            JsonObject bundle = json(language);
            for (String key : bundle.keySet()) {
                assertTrue(english.containsKey(key), language + " has " + key + ", which English does not");
            }
            for (String key : english.keySet()) {
                if (EVERY_LANGUAGE.stream().noneMatch(key::startsWith) && !bundle.containsKey(key)) {
                    continue;
                }
                assertTrue(bundle.containsKey(key), language + " lacks " + key);
                assertEquals(placeholders(english.get(key)), placeholders(bundle.get(key)),
                        language + " " + key + ": placeholders");
                if (english.get(key).getValueType() == JsonValue.ValueType.OBJECT) {
                    assertTrue(bundle.getJsonObject(key).containsKey("other"), language + " " + key + ": plural other");
                    assertTrue(bundle.getJsonObject(key).containsKey("one"), language + " " + key + ": plural one");
                } else {
                    assertEquals(JsonValue.ValueType.STRING, bundle.get(key).getValueType(), language + " " + key);
                    assertTrue(!bundle.getString(key).isBlank(), language + " " + key + " is empty");
                }
            }
        }
    }

    private static Set<String> placeholders(JsonValue message) {
        Set<String> names = new TreeSet<>();
        List<String> texts = message.getValueType() == JsonValue.ValueType.OBJECT
                ? message.asJsonObject().values().stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList()
                : List.of(((jakarta.json.JsonString) message).getString());
        for (String text : texts) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void thePagesMarkedWordsAreTheEnglishBundlesWords() throws IOException {
        JsonObject english = json("en");
        List<String> wrong = new ArrayList<>();
        int marked = 0;
        try (Stream<Path> pages = Files.list(Path.of("webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Document doc = Jsoup.parse(page.toFile());
                for (Element element : doc.select("[data-i18n]")) {
                    marked++;
                    String key = element.attr("data-i18n");
                    if (!english.containsKey(key)) {
                        wrong.add(page.getFileName() + ": no key " + key);
                    } else if (!english.getString(key).equals(element.text())) {
                        wrong.add(page.getFileName() + ": " + key + " says '" + element.text() + "', the bundle '"
                                + english.getString(key) + "'");
                    }
                }
                for (Element element : doc.select("[data-i18n-attr]")) {
                    for (String pair : element.attr("data-i18n-attr").split(";")) {
                        String[] parts = pair.split("=");
                        String key = parts[1].trim();
                        if (!english.containsKey(key)) {
                            wrong.add(page.getFileName() + ": no key " + key);
                        } else if (!english.getString(key).equals(element.attr(parts[0].trim()))) {
                            wrong.add(page.getFileName() + ": " + parts[0] + " of " + key + " differs from the bundle");
                        }
                    }
                }
            }
        }
        assertTrue(marked > 30, "the trainee-facing pages are marked: " + marked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyKeyTheScriptsAskForIsInTheEnglishBundle() throws IOException {
        JsonObject english = json("en");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(Path.of("webapp", "js"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                String code = Files.readString(script);
                Matcher keys = SCRIPT_KEY.matcher(code);
                while (keys.find()) {
                    if (!english.containsKey(keys.group(1))) {
                        missing.add(script.getFileName() + ": " + keys.group(1));
                    }
                }
                Matcher prefixes = SCRIPT_KEY_PREFIX.matcher(code);
                while (prefixes.find()) {
                    String prefix = prefixes.group(1);
                    if (english.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
                        missing.add(script.getFileName() + ": " + prefix + "…");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The browser pages and the server offer the same languages, in the same order, by the same cookie. */
    @Test
    void thePagesAndTheServerSpeakTheSameLanguages() throws IOException {
        String script = Files.readString(Path.of("webapp", "js", "i18n.js"));
        Matcher list = Pattern.compile("export const LANGUAGES = \\{([^}]*)}").matcher(script);
        assertTrue(list.find(), "i18n.js lists its LANGUAGES");
        Map<String, String> offered = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("(\\w+): '([^']+)'").matcher(list.group(1));
        while (entry.find()) {
            offered.put(entry.group(1), entry.group(2));
        }
        assertEquals(List.copyOf(MessageBundle.LANGUAGES.entrySet()), List.copyOf(offered.entrySet()));
        assertTrue(script.contains("LANGUAGE_COOKIE = '" + MessageBundle.COOKIE + "'"), "the same cookie");
        try (Stream<Path> files = Files.list(BUNDLES)) {
            assertEquals(new TreeSet<>(MessageBundle.LANGUAGES.keySet()), files.map(f -> f.getFileName().toString()
                    .replace(".json", "")).collect(Collectors.toCollection(TreeSet::new)),
                    "one bundle per language");
        }
    }

    @Test
    void theLanguageComesFromTheAddressThenTheCookieThenTheBrowser() {
        assertEquals("de", MessageBundle.choose("de", "fr", "es"));
        assertEquals("fr", MessageBundle.choose(null, "fr", "es"));
        assertEquals("fr", MessageBundle.choose("xx", "fr", "es"), "a language Rounds does not speak is no choice");
        assertEquals("nl", MessageBundle.choose(null, null, "nl-BE,nl;q=0.9,en;q=0.5"));
        assertEquals("es", MessageBundle.choose(null, null, "pt-BR,es;q=0.8,en;q=0.5"), "the first spoken one");
        assertEquals("de", MessageBundle.choose(null, null, "de-CH"));
        assertEquals("en", MessageBundle.choose(null, null, "pt-BR, ja"));
        assertEquals("en", MessageBundle.choose(null, null, ";;;q=zz"), "an unreadable header is no preference");
        assertEquals("en", MessageBundle.choose(null, null, null));
        assertEquals("en", MessageBundle.choose(null, null, "de;q=0, en"), "q=0 means not this one");
    }

    @Test
    void aMessageFillsItsPlaceholdersAndFallsBackToEnglish() {
        MessageBundle german = Bundles.of("de");
        assertEquals("Veröffentlicht von St. Elsewhere", german.text("public.publishedBy", "site", "St. Elsewhere"));
        assertEquals("Highlights von $1 \\ {x}", german.text("public.siteHighlights", "site", "$1 \\ {x}"),
                "a value is taken literally");
        assertEquals("de", german.language());
        assertThrows(IllegalArgumentException.class, () -> german.text("no.such.key"));
    }
}
