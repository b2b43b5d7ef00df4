package app.rounds.testing;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Real photos, made in the tests, carrying what a phone's camera writes into them; and picture bombs: files of a few
 * hundred KB that decode to hundreds of MB.
 */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A JPEG, red on its left half, with GPS, camera make and model, and "rotate 90° clockwise" (orientation 6). */
    public static byte[] withExif(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(13.3777, 52.5163);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Canon");
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, "EOS Ward Camera");
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
        return tagged.toByteArray();
    }

    /**
     * A PNG of one flat colour with an alpha channel, {@code width} × {@code height}: 7,000 × 7,000 (196 MB decoded)
     * is 343 KB, 10,000 × 10,000 (400 MB) 600 KB. Written without holding the pixels: every row after the first says
     * "as the row above" (PNG filter Up, all zero), and that row is compressed once and its deflate block repeated.
     */
    public static byte[] flatPng(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[]{8, 6, 0, 0, 0}); // 8 bits a channel, RGBA, deflate, no interlacing
        chunk(out, "IHDR", header.toByteArray());
        byte[] first = new byte[1 + width * 4];
        for (int x = 0; x < width; x++) {
            first[1 + x * 4] = (byte) 200;
            first[2 + x * 4] = 30;
            first[3 + x * 4] = 30;
            first[4 + x * 4] = (byte) 255;
        }
        byte[] same = new byte[1 + width * 4];
        same[0] = 2;
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        zlib.write(new byte[]{0x78, 0x01});
        Adler32 adler = new Adler32();
        zlib.write(deflated(first));
        adler.update(first);
        byte[] sameDeflated = deflated(same);
        for (int y = 1; y < height; y++) {
            zlib.write(sameDeflated);
            adler.update(same);
        }
        zlib.write(new byte[]{3, 0}); // the final block, empty
        new DataOutputStream(zlib).writeInt((int) adler.getValue());
        chunk(out, "IDAT", zlib.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A JPEG of about a KB whose frame header (SOF0) claims {@code width} × {@code height}; its data is 16 × 16. */
    public static byte[] jpegClaiming(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        for (int i = 2; i + 8 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xc0) {
                bytes[i + 5] = (byte) (height >> 8);
                bytes[i + 6] = (byte) height;
                bytes[i + 7] = (byte) (width >> 8);
                bytes[i + 8] = (byte) width;
                return bytes;
            }
        }
        throw new IllegalStateException("no SOF0 marker in ImageIO's JPEG");
    }

    /** A deflate block of {@code data} on its own (no back-reference before it), ending on a byte boundary. */
    private static byte[] deflated(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            byte[] buffer = new byte[data.length + 64];
            return Arrays.copyOf(buffer, deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH));
        } finally {
            deflater.end();
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
