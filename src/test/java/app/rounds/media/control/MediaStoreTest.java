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

    /** The removal on another instance of a cluster: they share the media folder, and nothing else. */
    @Test
    void aFileAnUploadJustPlacedAgainSurvivesARemovalCommittingAtTheSameMomentOnAnyInstance() throws Exception {
        MediaStore otherInstance = new MediaStore();
        otherInstance.configuredDir = folder.toString();
        otherInstance.createFolders();
        Path first = store.place(received("the same bytes"));
        Path again = store.place(received("the same bytes"));
        otherInstance.delete(List.of(again.getFileName().toString()));
        assertTrue(Files.exists(first), "the second upload is about to record it");
        assertEquals(List.of(), store.storedBefore(Instant.now().plusSeconds(60)).stream()
                .filter(name -> !name.equals(first.getFileName().toString())).toList(), "the guard is no stored file");

        store.settled(List.of(again.getFileName().toString()));
        otherInstance.delete(List.of(again.getFileName().toString()));
        assertFalse(Files.exists(first), "once recorded, a removal that leaves nothing using it deletes it");
        assertEquals(List.of(), store.reuseMarkersBefore(Instant.now().plusSeconds(60)), "and the guard is gone");
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
