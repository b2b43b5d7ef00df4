package app.rounds.testing;

import app.rounds.platform.control.MessageBundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
