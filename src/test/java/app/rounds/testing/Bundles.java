package app.rounds.testing;

import app.rounds.platform.control.MessageBundle;
import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The pages' message bundles (webapp/i18n), read as the server reads them: for tests that check words. */
public final class Bundles {

    public static final Path FOLDER = Path.of("webapp", "i18n");

    private Bundles() {
    }

    public static MessageBundle of(String language) {
        return MessageBundle.read(language, code -> {
            try {
                return Files.newInputStream(FOLDER.resolve(code + ".json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The first parts of the English keys ("common", "join", "sessions", …): what a key shown on a page starts with. */
    public static Set<String> prefixes() {
        try (JsonReader reader = Json.createReader(Files.newInputStream(FOLDER.resolve("en.json")))) {
            Set<String> prefixes = new TreeSet<>();
            reader.readObject().keySet().forEach(key -> prefixes.add(key.substring(0, key.indexOf('.'))));
            return prefixes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
