package app.rounds.media.boundary;

import app.rounds.media.control.MediaLibrary.StoredFile;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a stored file whole (200) or one byte range of it (206, RFC 9110 §14), so that a browser can seek in a video;
 * a range outside the file is 416 with the file's length. Files are named by their hash, so the hash is a strong ETag.
 */
public final class RangeResponses {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangeResponses() {
    }

    /** {@code cacheControl}: who may keep a copy, and for how long, e.g. {@code public, no-cache} or {@code no-store}. */
    public static Response of(StoredFile file, String range, String ifNoneMatch, String cacheControl) {
        String etag = "\"" + file.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", cacheControl).build();
        }
        Optional<Span> requested = span(range, file.size());
        if (requested.isEmpty()) {
            return Response.status(416).header("Content-Range", "bytes */" + file.size()).build();
        }
        Span span = requested.get();
        long count = span.end() - span.start() + 1;
        StreamingOutput body = out -> copy(file, span.start(), count, out);
        Response.ResponseBuilder response = Response.status(span.partial() ? 206 : 200).entity(body)
                .type(file.contentType())
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", count)
                .header("ETag", etag)
                .header("Cache-Control", cacheControl);
        if (span.partial()) {
            response.header("Content-Range", "bytes " + span.start() + "-" + span.end() + "/" + file.size());
        }
        return response.build();
    }

    /** The bytes to send, first to last, and whether they are a part of the file (206) or all of it (200). */
    record Span(long start, long end, boolean partial) {
    }

    /**
     * What {@code range} asks for in a file of {@code length} bytes: all of it when there is no usable single range,
     * empty when the range lies outside the file (416).
     */
    static Optional<Span> span(String range, long length) {
        Matcher m = range == null ? null : SINGLE_RANGE.matcher(range.strip());
        if (m == null || !m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.of(new Span(0, length - 1, false));
        }
        long start;
        long end = length - 1;
        if (m.group(1).isEmpty()) { // the last N bytes
            start = Math.max(0, length - position(m.group(2)));
        } else {
            start = position(m.group(1));
            end = m.group(2).isEmpty() ? length - 1 : Math.min(length - 1, position(m.group(2)));
        }
        return start >= length || start > end ? Optional.empty() : Optional.of(new Span(start, end, true));
    }

    /** A byte position as sent: any number of digits, those past what a long holds being past any file's end. */
    private static long position(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
    }

    private static void copy(StoredFile file, long from, long count, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file.path())) {
            in.skipNBytes(from);
            byte[] buffer = new byte[64 * 1024];
            long left = count;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }
}
