package app.rounds.media.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.testing.TestPhotos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header check and the subsampling arithmetic, on picture bombs and photos made here. */
class PhotoProcessorTest {

    static final long MAX_PIXELS = 64_000_000;

    @TempDir
    Path folder;

    MediaStore store;
    PhotoDecodeBudget budget = PhotoDecodeBudget.of(256L * 1024 * 1024, 0);

    @BeforeEach
    void store() {
        store = new MediaStore();
        store.configuredDir = folder.toString();
        store.createFolders();
    }

    PhotoProcessor.Processed process(byte[] file, String type) throws Exception {
        return PhotoProcessor.process(Files.write(folder.resolve("upload.part"), file), type, MAX_PIXELS, budget,
                store);
    }

    /** Bytes this thread allocated while {@code work} ran: an upper bound of what it held at once. */
    static long allocatedBy(ThrowingRunnable work) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void picturesBeyondTheLimitAreRefusedFromTheirHeaderWithoutDecodingInWords() throws Exception {
        byte[] png = TestPhotos.flatPng(10_000, 10_000);
        byte[] jpeg = TestPhotos.jpegClaiming(10_000, 10_000);
        assertTrue(png.length < 1024 * 1024 && jpeg.length < 2048, png.length + " and " + jpeg.length + " bytes");

        for (var bomb : java.util.Map.of("image/png", png, "image/jpeg", jpeg).entrySet()) {
            ProblemException[] refused = new ProblemException[1];
            long allocated = allocatedBy(() -> refused[0] = assertThrows(ProblemException.class,
                    () -> process(bomb.getValue(), bomb.getKey())));
            assertEquals(413, refused[0].kind().status, bomb.getKey());
            assertEquals("media-too-large", refused[0].type());
            assertEquals("This picture is 10,000 × 10,000 pixels; Rounds takes pictures up to 64 megapixels.",
                    refused[0].getMessage());
            assertTrue(allocated < 16 * 1024 * 1024, bomb.getKey() + ": " + allocated / 1024 / 1024
                    + " MB allocated for reading a header (400 MB if decoded)");
        }
        try (var left = Files.list(folder.resolve("tmp"))) {
            assertEquals(0, left.count(), "nothing written");
        }
    }

    @Test
    void aPictureWithinTheLimitThatClaimsMoreThanItHoldsIsRefusedAsDamagedAfterASubsampledDecode() throws Exception {
        byte[] jpeg = TestPhotos.jpegClaiming(5000, 5000);
        ProblemException[] refused = new ProblemException[1];
        long allocated = allocatedBy(() -> refused[0] = assertThrows(ProblemException.class,
                () -> process(jpeg, "image/jpeg")));
        assertEquals(415, refused[0].kind().status, refused[0].getMessage());
        assertTrue(refused[0].getMessage().startsWith("This photo is damaged or incomplete"), refused[0].getMessage());
        assertTrue(allocated < 5000L * 5000 * 3, allocated / 1024 / 1024 + " MB allocated; decoded whole, "
                + "5,000 × 5,000 takes 75 MB");
    }

    @Test
    void aPhotoIsDecodedSubsampledToAtMostTheStoredSizeOnItsLongerSide() {
        PhotoProcessor.Plan phone = PhotoProcessor.Plan.of(8064, 6048, 3, false);
        assertEquals(2, phone.subsampling(), "a 48-megapixel phone photo: every other pixel of every other row");
        assertEquals(4032, phone.decodedWidth());
        assertEquals(3024, phone.decodedHeight());
        assertEquals(4032L * 3024 * (3 + PhotoProcessor.WORKING_BYTES_PER_PIXEL) + PhotoProcessor.THUMBNAIL_BYTES,
                phone.bytes());
        assertTrue(phone.bytes() < 8064L * 6048 * (3 + PhotoProcessor.WORKING_BYTES_PER_PIXEL) / 3,
                "less than a third of what the same work on the photo decoded whole would hold");

        PhotoProcessor.Plan fits = PhotoProcessor.Plan.of(4096, 2304, 3, false);
        assertEquals(1, fits.subsampling(), "a photo within the stored size is decoded whole");
        assertEquals(4096, fits.decodedWidth());

        PhotoProcessor.Plan justOver = PhotoProcessor.Plan.of(100, 4097, 3, false);
        assertEquals(2, justOver.subsampling());
        assertEquals(50, justOver.decodedWidth(), "rounded up: the last column is read");
        assertEquals(2049, justOver.decodedHeight());

        PhotoProcessor.Plan huge = PhotoProcessor.Plan.of(16_320, 12_240, 3, false);
        assertEquals(4, huge.subsampling());
        assertEquals(4080, huge.decodedWidth());
        assertEquals(3060, huge.decodedHeight());

        PhotoProcessor.Plan deep = PhotoProcessor.Plan.of(4000, 3000, 8, false);
        assertEquals(4000L * 3000 * (8 + PhotoProcessor.WORKING_BYTES_PER_PIXEL) + PhotoProcessor.THUMBNAIL_BYTES,
                deep.bytes(), "16 bits a channel, RGBA: 8 bytes a pixel");

        PhotoProcessor.Plan webp = PhotoProcessor.Plan.of(6000, 4000, 3, true);
        assertEquals(PhotoProcessor.Plan.of(6000, 4000, 3, false).bytes() + 6000L * 4000 * 4, webp.bytes(),
                "a reader that decodes the whole picture first is charged for it");
    }

    @Test
    void theBytesAPixelComeFromTheHeaderAndADecodeBeyondTheWholeBudgetIsRefusedInWords() throws Exception {
        Path sixteenBits = folder.resolve("deep.png");
        // a 16-bit RGBA PNG, as scanners and editors write them
        var raster = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_USHORT, 64, 48, 4,
                null);
        var model = new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(
                java.awt.color.ColorSpace.CS_sRGB), true, false, java.awt.Transparency.TRANSLUCENT,
                java.awt.image.DataBuffer.TYPE_USHORT);
        ImageIO.write(new BufferedImage(model, raster, false, null), "png", sixteenBits.toFile());
        try (var in = ImageIO.createImageInputStream(sixteenBits.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(PhotoProcessor.Plan.of(64, 48, 8, false), PhotoProcessor.plan(reader));
            reader.dispose();
        }

        PhotoProcessor.Plan phone = PhotoProcessor.Plan.of(8064, 6048, 3, false);
        ProblemException refused = assertThrows(ProblemException.class, () -> PhotoProcessor.refuseBeyond(phone,
                MAX_PIXELS, PhotoDecodeBudget.of(64L * 1024 * 1024, 0)));
        assertEquals(413, refused.kind().status);
        assertEquals("This picture is 8,064 × 6,048 pixels and needs " + phone.bytes() / 1024 / 1024 + " MB to "
                + "decode; Rounds has 64 MB for decoding pictures. Send it smaller, or as JPEG.", refused.getMessage());
    }

    @Test
    void theOrientationIsAppliedAndOnlyThePixelsAreStored() throws Exception {
        PhotoProcessor.Processed processed = process(TestPhotos.withExif(64, 32), "image/jpeg");
        assertEquals(32, processed.width(), "orientation 6: turned upright");
        assertEquals(64, processed.height());
        BufferedImage stored = ImageIO.read(processed.photo().toFile());
        assertEquals(32, stored.getWidth());
        assertTrue(new Color(stored.getRGB(16, 5)).getRed() > 200 && new Color(stored.getRGB(16, 5)).getGreen() < 80,
                "the red half on top");
        String bytes = new String(Files.readAllBytes(processed.photo()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!bytes.contains("Exif") && !bytes.contains("Canon"), "no EXIF carried over");
        assertEquals("image/jpeg", processed.contentType());
        for (Path thumbnail : java.util.List.of(processed.small(), processed.large())) {
            assertEquals(2 * ImageIO.read(thumbnail.toFile()).getWidth(), ImageIO.read(thumbnail.toFile()).getHeight(),
                    "thumbnails upright too");
        }
    }
}
