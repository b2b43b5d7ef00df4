package app.rounds.sessions.control;

import app.rounds.platform.control.PublicAddress;
import app.rounds.sessions.entity.JoinCode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Map;

/**
 * The link a trainee follows to join, and its QR code for the projector, at the {@link PublicAddress}.
 */
@ApplicationScoped
public class JoinLinks {

    @Inject
    PublicAddress publicAddress;

    public String joinUrl(JoinCode code, URI requestBase) {
        return publicAddress.base(requestBase) + "/?code=" + code.value();
    }

    /** An SVG QR code of the text: one path of dark modules, a quiet zone of 4 modules, error correction M. */
    public static String qrSvg(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as a QR code: " + text.length() + " characters", e);
        }
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
}
