package app.rounds.media.boundary;

import app.rounds.media.control.MediaLibrary.StoredFile;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
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

    /** {@code cacheControl}: who may keep a copy, and for how long, e.g. {@code private, max-age=3600}. */
    public static Response of(StoredFile file, String range, String ifNoneMatch, String cacheControl) {
        String etag = "\"" + file.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", cacheControl).build();
        }
        long length = file.size();
        long start = 0;
        long end = length - 1;
        boolean partial = false;
        Matcher m = range == null ? null : SINGLE_RANGE.matcher(range.strip());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            if (m.group(1).isEmpty()) { // the last N bytes
                start = Math.max(0, length - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(m.group(2)));
            }
            if (start >= length || start > end) {
                return Response.status(416).header("Content-Range", "bytes */" + length).build();
            }
            partial = true;
        }
        long from = start;
        long count = end - start + 1;
        StreamingOutput body = out -> copy(file, from, count, out);
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200).entity(body)
                .type(file.contentType())
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", count)
                .header("ETag", etag)
                .header("Cache-Control", cacheControl);
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + length);
        }
        return response.build();
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
