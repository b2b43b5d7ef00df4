package app.rounds.media.control;

import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Decodes a photo and encodes it again from its pixels, with its EXIF orientation applied: EXIF (GPS, camera, times),
 * XMP, IPTC, comments and embedded thumbnails are not carried over, because nothing but the pixels is written.
 * Thumbnailator does the orientation and the scaling; ImageIO (with the TwelveMonkeys readers) the decoding. A photo
 * that does not decode whole (truncated, corrupt) or is too large in pixels is refused with 415.
 */
public final class PhotoProcessor {

    /** The stored photo and its thumbnails, in temporary files; {@code contentType} of the stored photo. */
    public record Processed(Path photo, String contentType, int width, int height, Path small, Path large) {
        public List<Path> files() {
            return List.of(photo, small, large);
        }
    }

    public static final int SMALL = 320;
    public static final int LARGE = 1280;

    static {
        // the TwelveMonkeys readers are in the web application: register them with ImageIO from its class loader
        ImageIO.scanForPlugins();
    }

    private PhotoProcessor() {
    }

    public static Processed process(Path original, String type, long maxPixels, MediaStore store) throws IOException {
        BufferedImage decoded = decodeWhole(original, maxPixels);
        boolean alpha = decoded.getColorModel().hasAlpha();
        String format = type.equals("image/png") || alpha ? "png" : "jpg";
        List<Path> made = new ArrayList<>();
        try {
            Path photo = store.temporary("." + format);
            made.add(photo);
            encode(original, format, Integer.MAX_VALUE, photo);
            BufferedImage stored = ImageIO.read(photo.toFile());
            Path small = store.temporary(".jpg");
            made.add(small);
            encode(original, "jpg", SMALL, small);
            Path large = store.temporary(".jpg");
            made.add(large);
            encode(original, "jpg", LARGE, large);
            return new Processed(photo, format.equals("png") ? "image/png" : "image/jpeg", stored.getWidth(),
                    stored.getHeight(), small, large);
        } catch (IOException | RuntimeException e) {
            store.discard(made);
            throw e;
        }
    }

    /** The pixels, after checking the size from the header and that decoding met no premature end or corruption. */
    private static BufferedImage decodeWhole(Path file, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw MediaTypes.unsupported("This photo cannot be decoded.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > maxPixels) {
                    throw MediaTypes.unsupported("This photo has more than " + maxPixels / 1_000_000
                            + " megapixels.");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw MediaTypes.unsupported("This photo is damaged or incomplete: " + warnings.getFirst());
                }
                return image;
            } catch (IOException | RuntimeException e) {
                if (e instanceof app.rounds.platform.control.ProblemException problem) {
                    throw problem;
                }
                throw MediaTypes.unsupported("This photo is damaged or incomplete (" + e.getClass().getSimpleName()
                        + ").");
            } finally {
                reader.dispose();
            }
        }
    }

    /** Orientation applied, scaled to fit {@code box} (never up), written with pixels only. */
    private static void encode(Path original, String format, int box, Path target) throws IOException {
        var builder = Thumbnails.of(original.toFile()).useExifOrientation(true).outputFormat(format);
        if (box == Integer.MAX_VALUE) {
            builder.scale(1.0);
        } else {
            builder.size(box, box).keepAspectRatio(true);
        }
        if (format.equals("jpg")) {
            builder.outputQuality(0.9);
        }
        builder.toFile(target.toFile());
        if (!Files.exists(target)) {
            throw new IOException("the encoder wrote nothing");
        }
    }
}
