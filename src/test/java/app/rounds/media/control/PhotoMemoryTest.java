package app.rounds.media.control;

import app.rounds.testing.TestPhotos;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a decode holds, shown on a heap of its own: each photo is processed in a JVM whose {@code -Xmx} is what its
 * {@link PhotoProcessor.Plan} charges the budget plus what an idle JVM with ImageIO holds. Decoded whole, as before,
 * a 7,000 × 7,000 PNG needed more than 400 MB; a 48-megapixel phone photo more than 300 MB.
 */
@Tag("slow") // seconds: a JVM per photo, and a 48-megapixel JPEG to make
class PhotoMemoryTest {

    /** What the JVM itself and ImageIO's readers and writers hold before any photo: measured at 20–30 MB. */
    static final long BASELINE = 48L * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void aPictureBombWithinThePixelLimitIsProcessedOnTheHeapItsPlanCharges() throws Exception {
        Path png = Files.write(folder.resolve("wide.png"), TestPhotos.flatPng(7000, 7000));
        PhotoProcessor.Plan plan = PhotoProcessor.Plan.of(7000, 7000, 4, false);
        assertEquals("3500 × 3500", processedWithin(png, "image/png", plan.bytes() + BASELINE));
    }

    @Test
    void aFortyEightMegapixelPhonePhotoIsProcessedOnTheHeapItsPlanCharges() throws Exception {
        BufferedImage photo = new BufferedImage(8064, 6048, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 8064, 6048);
        g.setColor(Color.BLUE);
        g.fillOval(1000, 1000, 6000, 4000);
        g.dispose();
        Path jpeg = folder.resolve("phone.jpg");
        ImageIO.write(photo, "jpg", jpeg.toFile());
        photo = null;
        PhotoProcessor.Plan plan = PhotoProcessor.Plan.of(8064, 6048, 3, false);
        assertEquals("4032 × 3024", processedWithin(jpeg, "image/jpeg", plan.bytes() + BASELINE));
    }

    /** The stored photo's size, processed in a JVM of {@code heap} bytes; fails on its OutOfMemoryError. */
    String processedWithin(Path file, String type, long heap) throws Exception {
        Path output = folder.resolve("output.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap / 1024 / 1024 + "m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), PhotoMemoryTest.class.getName(), file.toString(), type,
                folder.resolve("media").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "processed within two minutes");
        String said = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "on a heap of " + heap / 1024 / 1024 + " MB: " + said);
        List<String> lines = said.lines().toList();
        return lines.getLast();
    }

    /** In the child JVM: processes {@code args[0]} (of type {@code args[1]}) into a media folder {@code args[2]}. */
    public static void main(String[] args) throws Exception {
        MediaStore store = new MediaStore();
        store.configuredDir = args[2];
        store.createFolders();
        PhotoProcessor.Processed processed = PhotoProcessor.process(Path.of(args[0]), args[1], 64_000_000,
                PhotoDecodeBudget.of(1L << 40, 0), store); // the heap is the budget here
        System.out.println(processed.width() + " × " + processed.height());
    }
}
