package app.rounds.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * META-INF/microprofile-config.properties is the one list of configuration defaults: no {@code @ConfigProperty}
 * carries a {@code defaultValue}, every key the code reads is in the file (set, or commented out when it has no
 * default and is read as an {@code Optional}), and none is there twice. Reads the sources; no container.
 */
class ConfigurationDefaultsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CONFIG = Path.of("src/main/resources/META-INF/microprofile-config.properties");

    private static final Pattern ANNOTATION =
            Pattern.compile("@(?:org\\.eclipse\\.microprofile\\.config\\.inject\\.)?ConfigProperty\\s*\\(");
    private static final Pattern NAME = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"");
    /** The declared type after the annotation (other annotations and {@code final} skipped), then the field's name. */
    private static final Pattern TYPE = Pattern.compile(
            "^\\s*(?:(?:@[\\w.]+(?:\\([^)]*\\))?|final)\\s+)*([\\w.]+(?:<[^;=)]*?>)?)\\s+\\w+");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{MPCONFIG=([^}:]+)(:[^}]*)?}");
    private static final Pattern LOOKUP =
            Pattern.compile("\\.get(Optional)?Value\\(\\s*(?:\"([^\"]+)\"|([A-Z][A-Z0-9_]*))\\s*,");
    private static final Pattern SET_LINE = Pattern.compile("^([^#!\\s][^=:\\s]*)\\s*[=:].*");
    private static final Pattern OPTIONAL_LINE = Pattern.compile("^#\\s*(rounds\\.[\\w.-]+)\\s*=.*");

    /** Keys with a value in the file, in file order. */
    private static final Map<String, String> set = new LinkedHashMap<>();
    /** Keys commented out in the file: read, but without a default. */
    private static final Set<String> optional = new TreeSet<>();
    private static final List<String> duplicates = new ArrayList<>();
    private static final List<Injection> injections = new ArrayList<>();
    private static final List<Lookup> lookups = new ArrayList<>();

    record Injection(Path file, int line, String annotation, String key, String type) {
        boolean isOptional() {
            return type.matches("(java\\.util\\.)?Optional(Int|Long|Double)?\\b.*");
        }

        String where() {
            return SOURCES.relativize(file) + ":" + line;
        }
    }

    /**
     * A key read through the Config API or a {@code ${MPCONFIG=key:fallback}} expression; {@code required}: without
     * a fallback (getValue, or an expression without one).
     */
    record Lookup(Path file, String key, boolean required, String fallback) {
    }

    @BeforeAll
    static void read() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String line : Files.readAllLines(CONFIG)) {
            Matcher s = SET_LINE.matcher(line);
            Matcher o = OPTIONAL_LINE.matcher(line);
            String key = s.matches() ? s.group(1) : o.matches() ? o.group(1) : null;
            if (key == null) {
                continue;
            }
            if (!seen.add(key)) {
                duplicates.add(key);
            }
            if (s.matches()) {
                Properties one = new Properties();
                one.load(new StringReader(line));
                set.put(key, one.getProperty(key));
            } else {
                optional.add(key);
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(ConfigurationDefaultsTest::scan);
        }
    }

    private static void scan(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = ANNOTATION.matcher(source);
        while (m.find()) {
            int lineStart = source.lastIndexOf('\n', m.start()) + 1;
            String before = source.substring(lineStart, m.start()).strip();
            if (before.startsWith("*") || before.startsWith("//") || before.startsWith("/*")) {
                continue; // mentioned in a comment
            }
            int end = closingParenthesis(source, m.end());
            String annotation = source.substring(m.start(), end + 1);
            Matcher name = NAME.matcher(annotation);
            Matcher type = TYPE.matcher(source.substring(end + 1));
            int line = (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            injections.add(new Injection(file, line, annotation.replaceAll("\\s+", " "),
                    name.find() ? name.group(1) : null, type.find() ? type.group(1) : "?"));
        }
        Matcher e = EXPRESSION.matcher(source);
        while (e.find()) {
            lookups.add(new Lookup(file, e.group(1).strip(), e.group(2) == null,
                    e.group(2) == null ? null : e.group(2).substring(1)));
        }
        Matcher l = LOOKUP.matcher(source);
        while (l.find()) {
            String key = l.group(2);
            if (key == null) { // a constant of the same class
                Matcher constant = Pattern.compile("\\bString\\s+" + l.group(3) + "\\s*=\\s*\"([^\"]+)\"")
                        .matcher(source);
                if (!constant.find()) {
                    fail(file + ": the key " + l.group(3) + " is no string constant of its class");
                }
                key = constant.group(1);
            }
            lookups.add(new Lookup(file, key, l.group(1) == null, null));
        }
    }

    private static int closingParenthesis(String source, int from) {
        int depth = 1;
        boolean quoted = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed @ConfigProperty(");
    }

    @Test
    void theSourcesAreFound() {
        assertTrue(injections.size() > 30, "only " + injections.size() + " @ConfigProperty found under " + SOURCES);
        assertTrue(set.size() > 30, "only " + set.size() + " keys set in " + CONFIG);
    }

    @Test
    void noAnnotationCarriesADefault() {
        List<String> withDefault = injections.stream().filter(i -> i.annotation().contains("defaultValue"))
                .map(i -> i.where() + " " + i.annotation()).toList();
        assertEquals(List.of(), withDefault, "defaults belong in " + CONFIG + ", not in the annotation");
    }

    @Test
    void everyInjectedKeyIsInTheFile() {
        List<String> wrong = new ArrayList<>();
        for (Injection i : injections) {
            if (i.key() == null) {
                wrong.add(i.where() + " " + i.annotation() + ": name the key");
            } else if (i.isOptional() && !optional.contains(i.key())) {
                wrong.add(i.where() + " " + i.key() + " (" + i.type() + "): "
                        + (set.containsKey(i.key()) ? "has a default in the file, so need not be Optional"
                        : "missing; add it commented out, #" + i.key() + "="));
            } else if (!i.isOptional() && !set.containsKey(i.key())) {
                wrong.add(i.where() + " " + i.key() + " (" + i.type() + "): "
                        + (optional.contains(i.key()) ? "commented out, but not injected as Optional"
                        : "missing: without a value deployment fails"));
            }
        }
        assertEquals(List.of(), wrong, "every @ConfigProperty key is set in " + CONFIG
                + ", or commented out there and injected as Optional");
    }

    @Test
    void everyKeyReadOtherwiseIsInTheFile() {
        List<String> wrong = new ArrayList<>();
        for (Lookup l : lookups) {
            if (l.required() && !set.containsKey(l.key())) {
                wrong.add(SOURCES.relativize(l.file()) + " " + l.key() + ": read without a fallback, but not set");
            } else if (!l.required() && !set.containsKey(l.key()) && !optional.contains(l.key())) {
                wrong.add(SOURCES.relativize(l.file()) + " " + l.key() + ": missing; add it commented out");
            }
        }
        // An empty value in the file reads as none, so ${MPCONFIG=rounds.db.password:} repeats it as its fallback.
        lookups.stream().filter(l -> !l.required() && set.containsKey(l.key())
                        && !("".equals(l.fallback()) && set.get(l.key()).isEmpty()))
                .forEach(l -> wrong.add(SOURCES.relativize(l.file()) + " " + l.key()
                        + ": has a default in the file; read it with getValue, without a second default"));
        assertEquals(List.of(), wrong);
    }

    @Test
    void noKeyIsInTheFileTwice() {
        assertEquals(List.of(), duplicates, "keys listed twice in " + CONFIG);
    }

    @Test
    void everyKeyInTheFileIsRead() {
        Set<String> read = new TreeSet<>();
        injections.forEach(i -> read.add(i.key()));
        lookups.forEach(l -> read.add(l.key()));
        Set<String> unread = new TreeSet<>(set.keySet());
        unread.addAll(optional);
        unread.removeAll(read);
        unread.removeIf(key -> key.startsWith("mp.config.")); // read by MicroProfile Config itself
        assertEquals(Set.of(), unread, "keys in " + CONFIG + " that no code reads");
    }

    @Test
    void theDefaultsConvertToTheInjectedTypes() {
        List<String> wrong = new ArrayList<>();
        for (Injection i : injections) {
            String value = set.get(i.key());
            if (value == null || i.isOptional()) {
                continue;
            }
            try {
                switch (i.type()) {
                    case "int", "Integer" -> Integer.parseInt(value);
                    case "long", "Long" -> Long.parseLong(value);
                    case "boolean", "Boolean" -> {
                        if (!value.equals("true") && !value.equals("false")) {
                            throw new IllegalArgumentException("neither true nor false");
                        }
                    }
                    case "Duration", "java.time.Duration" -> Duration.parse(value);
                    case "String" -> {
                        if (value.isEmpty()) { // MicroProfile Config reads an empty value as none
                            throw new IllegalArgumentException("empty");
                        }
                    }
                    default -> throw new IllegalArgumentException("a type this test does not know; teach it");
                }
            } catch (RuntimeException e) {
                wrong.add(i.where() + " " + i.key() + "=" + value + " as " + i.type() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
