package app.rounds.media.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaStoreTest {

    @TempDir
    Path folder;

    MediaStore store;

    @BeforeEach
    void store() {
        store = new MediaStore();
        store.configuredDir = folder.toString();
        store.createFolders();
    }

    MediaStore.Received received(String text) throws Exception {
        return store.receive(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1024);
    }

    @Test
    void aFileNothingUsesIsDeleted() throws Exception {
        Path placed = store.place(received("only once"));
        store.delete(List.of(placed.getFileName().toString()));
        assertFalse(Files.exists(placed));
    }

    @Test
    void aFileAnUploadJustPlacedAgainSurvivesARemovalCommittingAtTheSameMoment() throws Exception {
        Path first = store.place(received("the same bytes"));
        Path again = store.place(received("the same bytes"));
        store.delete(List.of(again.getFileName().toString()));
        assertTrue(Files.exists(first), "the second upload is about to record it");

        store.settled(List.of(again.getFileName().toString()));
        store.delete(List.of(again.getFileName().toString()));
        assertFalse(Files.exists(first), "once recorded, a removal that leaves nothing using it deletes it");
    }

    /**
     * A sweep runs while uploads come and go: a temporary file that an upload deletes between the sweep's listing and
     * its look at the file is simply not there (before, the walk threw NoSuchFileException: a 500 for a sweep asked
     * for, found by ApiFuzzIT in CI).
     */
    @Test
    void aSweepLookingWhileUploadsComeAndGoFindsTheStoredFilesAndNoError() throws Exception {
        Path kept = store.place(received("kept"));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread uploads = Thread.ofPlatform().start(() -> {
            int i = 0;
            while (running.get()) {
                try {
                    MediaStore.Received upload = received("upload " + i++);
                    store.discard(List.of(upload.file()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        try {
            for (int i = 0; i < 3_000; i++) {
                assertEquals(List.of(kept.getFileName().toString()), store.storedBefore(Instant.now().plusSeconds(60)));
            }
        } finally {
            running.set(false);
            uploads.join();
        }
    }
}
