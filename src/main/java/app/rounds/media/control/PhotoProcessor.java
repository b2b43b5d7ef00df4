package app.rounds.media.control;

import app.rounds.platform.control.ProblemException;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a photo and encodes it again from its pixels, with its EXIF orientation applied: EXIF (GPS, camera, times),
 * XMP, IPTC, comments and embedded thumbnails are not carried over, because nothing but the pixels is written.
 *
 * <p>Memory: a few hundred KB of PNG can hold 10,000 × 10,000 pixels (400 MB decoded), and a JPEG's header can claim
 * that size whatever follows it. So the size is read from the header first (ImageIO's readers, with the TwelveMonkeys
 * ones, read it without decoding) and a picture above {@code maxPixels} is refused with 413; a larger photo than is
 * stored ({@link #FULL} on its longer side) is decoded subsampled to that size, never whole; and what the decode will
 * hold is worked out from the header ({@link Plan}) and taken from the {@link PhotoDecodeBudget} before it starts.
 * A photo that does not decode whole (truncated, corrupt) or cannot be read at all is refused with 415.
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
    /** The longer side of a stored photo at most: a 4K screen's width. A larger photo is decoded subsampled to fit. */
    public static final int FULL = 4096;

    /**
     * Bytes a pixel of the decoded picture costs beyond its own: a copy in ints (turned upright, or Thumbnailator's
     * before it scales a picture that is not in ints), 4 bytes; the thumbnails' halving from a copy a quarter of the
     * size, 1 byte; rounded up to 8 for the encoders' buffers. {@code PhotoMemoryTest} processes photos on a heap of
     * what their plan charges (a 7,000 × 7,000 PNG: 160 MB charged, done in 130 MB; a 48-megapixel JPEG: 147 MB
     * charged, done in 100 MB, either of them 600–800 MB when decoded whole).
     */
    static final int WORKING_BYTES_PER_PIXEL = 8;
    /** The thumbnails, whatever the picture: the 1,280 px one in ARGB, twice over. */
    static final long THUMBNAIL_BYTES = 2L * LARGE * LARGE * 4;

    /**
     * How a picture is decoded, from its header: read every {@code subsampling}-th pixel of every
     * {@code subsampling}-th row, so that the longer side is at most {@link #FULL}, into
     * {@code decodedWidth × decodedHeight}; {@code bytes} is what that holds on the heap at most.
     */
    record Plan(int width, int height, int subsampling, int decodedWidth, int decodedHeight, long bytes) {

        /**
         * {@code bytesPerPixel} of the reader's decoded picture (4 for 8-bit RGBA, 8 for 16-bit);
         * {@code readerHoldsWhole}: the reader decodes into a full-size picture of ints before it subsamples (WebP
         * lossless, with TwelveMonkeys; charged for any WebP, as the header does not say which it is).
         */
        static Plan of(int width, int height, int bytesPerPixel, boolean readerHoldsWhole) {
            int subsampling = Math.max(1, Math.ceilDiv(Math.max(width, height), FULL));
            int decodedWidth = Math.ceilDiv(width, subsampling);
            int decodedHeight = Math.ceilDiv(height, subsampling);
            long bytes = (long) decodedWidth * decodedHeight * (bytesPerPixel + WORKING_BYTES_PER_PIXEL)
                    + THUMBNAIL_BYTES + (readerHoldsWhole ? (long) width * height * 4 : 0);
            return new Plan(width, height, subsampling, decodedWidth, decodedHeight, bytes);
        }

        long pixels() {
            return (long) width * height;
        }
    }

    static {
        // the TwelveMonkeys readers are in the web application: register them with ImageIO from its class loader
        ImageIO.scanForPlugins();
    }

    private PhotoProcessor() {
    }

    public static Processed process(Path original, String type, long maxPixels, PhotoDecodeBudget budget,
                                    MediaStore store) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(original.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw MediaTypes.unsupported("This photo cannot be decoded.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                Plan plan = plan(reader);
                refuseBeyond(plan, maxPixels, budget);
                Orientation orientation = orientation(reader);
                try (PhotoDecodeBudget.Reservation reserved = budget.reserve(plan.bytes())) {
                    BufferedImage image = oriented(decode(reader, plan), orientation);
                    return encode(image, type, store);
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** The plan from the header alone: its size, and the reader's first image type for the bytes a pixel. */
    static Plan plan(ImageReader reader) {
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            int bytesPerPixel = 4;
            if (types != null && types.hasNext()) {
                SampleModel model = types.next().getSampleModel(1, 1);
                bytesPerPixel = Math.max(1, DataBuffer.getDataTypeSize(model.getDataType()) / 8
                        * model.getNumDataElements());
            }
            return Plan.of(width, height, bytesPerPixel, reader.getFormatName().equalsIgnoreCase("webp"));
        } catch (IOException | RuntimeException e) {
            throw MediaTypes.unsupported("This photo cannot be read (" + e.getClass().getSimpleName() + ").");
        }
    }

    /** 413 for more pixels than Rounds takes, or for a decode that would need more than the whole budget. */
    static void refuseBeyond(Plan plan, long maxPixels, PhotoDecodeBudget budget) {
        String size = String.format(Locale.ENGLISH, "This picture is %,d × %,d pixels", plan.width(),
                plan.height());
        if (plan.pixels() > maxPixels) {
            throw MediaStore.tooLarge(size + "; Rounds takes pictures up to " + megapixels(maxPixels) + " megapixels.");
        }
        if (!budget.fits(plan.bytes())) {
            throw MediaStore.tooLarge(size + " and needs " + plan.bytes() / (1024 * 1024) + " MB to decode; Rounds has "
                    + budget.totalBytes() / (1024 * 1024) + " MB for decoding pictures. Send it smaller, or as "
                    + "JPEG.");
        }
    }

    /** The pixels, subsampled as planned, after checking that decoding met no premature end or corruption. */
    private static BufferedImage decode(ImageReader reader, Plan plan) {
        try {
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(plan.subsampling(), plan.subsampling(), 0, 0);
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw MediaTypes.unsupported("This photo is damaged or incomplete: " + warnings.getFirst());
            }
            return image;
        } catch (ProblemException refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw MediaTypes.unsupported("This photo is damaged or incomplete (" + e.getClass().getSimpleName()
                    + ").");
        }
    }

    /** A JPEG's EXIF orientation; none for other formats or an EXIF block that cannot be read (as taken, then). */
    private static Orientation orientation(ImageReader reader) {
        try {
            return reader.getFormatName().equalsIgnoreCase("jpeg") ? ExifUtils.getExifOrientation(reader, 0) : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static BufferedImage oriented(BufferedImage image, Orientation orientation) {
        if (orientation == null || orientation == Orientation.TOP_LEFT) {
            return image;
        }
        try {
            return ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
        } catch (RuntimeException e) {
            throw MediaTypes.unsupported("This photo cannot be turned upright (" + e.getClass().getSimpleName()
                    + ").");
        }
    }

    /** The stored photo as decoded (PNG stays PNG, so does anything with transparency) and the thumbnails. */
    private static Processed encode(BufferedImage image, String type, MediaStore store) throws IOException {
        String format = type.equals("image/png") || image.getColorModel().hasAlpha() ? "png" : "jpg";
        List<Path> made = new ArrayList<>();
        try {
            Path photo = store.temporary("." + format);
            made.add(photo);
            write(image, format, photo);
            Path small = store.temporary(".jpg");
            made.add(small);
            thumbnail(image, SMALL, small);
            Path large = store.temporary(".jpg");
            made.add(large);
            thumbnail(image, LARGE, large);
            return new Processed(photo, format.equals("png") ? "image/png" : "image/jpeg", image.getWidth(),
                    image.getHeight(), small, large);
        } catch (IOException | RuntimeException e) {
            store.discard(made);
            if (e instanceof IIOException || e instanceof RuntimeException && !(e instanceof ProblemException)) {
                throw MediaTypes.unsupported("This photo cannot be encoded again (" + e.getClass().getSimpleName()
                        + ").");
            }
            throw e;
        }
    }

    /** The pixels only (no metadata given to the writer), JPEG at quality 0.9. */
    private static void write(BufferedImage image, String format, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        if (!Files.exists(target) || Files.size(target) == 0) {
            throw new IOException("the encoder wrote nothing");
        }
    }

    /** Scaled to fit {@code box}, written with pixels only. */
    private static void thumbnail(BufferedImage image, int box, Path target) throws IOException {
        Thumbnails.of(image).size(box, box).keepAspectRatio(true).outputFormat("jpg").outputQuality(0.9)
                .toFile(target.toFile());
        if (!Files.exists(target)) {
            throw new IOException("the encoder wrote nothing");
        }
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? Long.toString(pixels / 1_000_000)
                : String.format(Locale.ENGLISH, "%.1f", pixels / 1e6);
    }
}
