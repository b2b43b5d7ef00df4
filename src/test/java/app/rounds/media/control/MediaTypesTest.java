package app.rounds.media.control;

import app.rounds.platform.control.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaTypesTest {

    @TempDir
    Path folder;

    @Test
    void aHeicPhotoIsRefusedWithAWayOut() throws Exception {
        byte[] heic = new byte[64];
        byte[] box = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e',
                'i', 'c'};
        System.arraycopy(box, 0, heic, 0, box.length);
        Path file = Files.write(folder.resolve("IMG_0001.HEIC"), heic);
        String type = MediaTypes.detect(file);
        assertTrue(type.startsWith("image/hei"), type);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> MediaTypes.accept(file, type, "IMG_0001.HEIC"));
        assertEquals(415, refused.kind().status);
        assertTrue(refused.getMessage().contains("send it as JPEG"), refused.getMessage());
    }

    @Test
    void aScannedFormIsAPdfJpegOrPngNamedAsWhatItIs() throws Exception {
        Path pdf = Files.writeString(folder.resolve("form.pdf"), "%PDF-1.4\n%%EOF\n");
        MediaTypes.acceptEvidence(pdf, MediaTypes.detect(pdf), "form.pdf");
        assertEquals(415, assertThrows(ProblemException.class,
                () -> MediaTypes.acceptEvidence(pdf, MediaTypes.detect(pdf), "form.png")).kind().status);
        Path page = Files.writeString(folder.resolve("form.html"), "<html><script>alert(1)</script></html>");
        assertEquals(415, assertThrows(ProblemException.class,
                () -> MediaTypes.acceptEvidence(page, MediaTypes.detect(page), "form.pdf")).kind().status);
    }
}
