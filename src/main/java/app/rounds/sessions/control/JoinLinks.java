package app.rounds.sessions.control;

import app.rounds.platform.control.PublicAddress;
import app.rounds.sessions.entity.JoinCode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The link a trainee follows to join, and its QR code for the projector, at the {@link PublicAddress}.
 */
@ApplicationScoped
public class JoinLinks {

    /** The mask patterns a QR code may use (0–7), after the encoder's own choice (null). */
    private static final Integer[] MASKS = {null, 0, 1, 2, 3, 4, 5, 6, 7};
    /** Pixels per module when checking that a code is found: a small picture, as a phone's camera sees it. */
    private static final int CHECK_SCALE = 4;

    @Inject
    PublicAddress publicAddress;

    public String joinUrl(JoinCode code, URI requestBase) {
        return publicAddress.base(requestBase) + "/?code=" + code.value();
    }

    /**
     * An SVG QR code of the text: one path of dark modules, a quiet zone of 4 modules, error correction M, with a mask
     * that a scanner finds.
     */
    public static String qrSvg(String text) {
        BitMatrix matrix = scannable(text);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\" role=\"img\"><title>QR code</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /**
     * The encoder's mask choice (by penalty score) now and then draws a code whose data looks like a finder pattern,
     * and ZXing's own scanner then finds no code in a perfect picture of it (about 2 join links in 100): the first of
     * the encoder's choice and the eight masks that a plain scan reads back is drawn.
     */
    static BitMatrix scannable(String text) {
        BitMatrix first = null;
        for (Integer mask : MASKS) {
            BitMatrix matrix = encode(text, mask);
            if (first == null) {
                first = matrix;
            }
            if (text.equals(scanned(matrix))) {
                return matrix;
            }
        }
        return first;
    }

    private static BitMatrix encode(String text, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as a QR code: " + text.length() + " characters", e);
        }
    }

    /** What a scan of a picture of the code reads, or null when it finds none. */
    static String scanned(BitMatrix matrix) {
        int width = matrix.getWidth() * CHECK_SCALE;
        int height = matrix.getHeight() * CHECK_SCALE;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (matrix.get(x / CHECK_SCALE, y / CHECK_SCALE)) {
                    pixels[y * width + x] = 0xFF000000;
                }
            }
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(width, height, pixels)))).getText();
        } catch (ReaderException notFound) {
            return null;
        }
    }
}
