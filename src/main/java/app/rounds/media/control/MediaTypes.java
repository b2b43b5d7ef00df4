package app.rounds.media.control;

import app.rounds.media.entity.MediaKind;
import app.rounds.platform.control.ProblemException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a file is, judged by its bytes with Tika's magic detection (no file name, no client Content-Type given to it),
 * and whether Rounds takes it: JPEG, PNG, WebP photos; MP4, WebM, QuickTime videos. A file whose name says otherwise,
 * or that carries a second format inside (a polyglot: an archive, a page or a script), is refused with 415.
 */
public final class MediaTypes {

    public static final Map<String, MediaKind> ACCEPTED = Map.of(
            "image/jpeg", MediaKind.PHOTO, "image/png", MediaKind.PHOTO, "image/webp", MediaKind.PHOTO,
            "video/mp4", MediaKind.VIDEO, "video/webm", MediaKind.VIDEO, "video/quicktime", MediaKind.VIDEO);

    /** What a scanned consent form may be. */
    public static final Map<String, List<String>> EVIDENCE = Map.of(
            "application/pdf", List.of("pdf"), "image/jpeg", List.of("jpg", "jpeg"), "image/png", List.of("png"));

    /** Signatures of active or archive content that have no business inside a photo or video. */
    private static final List<byte[]> SMUGGLED = List.of(bytes("PK\u0003\u0004"), bytes("PK\u0005\u0006"),
            bytes("<script"), bytes("<html"), bytes("<?php"), bytes("%PDF-"), bytes("<svg"));
    private static final int SCANNED_BYTES = 64 * 1024;

    private static final TikaConfig TIKA = TikaConfig.getDefaultConfig();

    private MediaTypes() {
    }

    /** The detected type of a file, by its content only. */
    public static String detect(Path file) throws IOException {
        Detector detector = TIKA.getDetector();
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        }
    }

    /** The kind of an accepted file; 415 for anything else, for a name that contradicts it, or for a polyglot. */
    public static MediaKind accept(Path file, String type, String fileName) throws IOException {
        MediaKind kind = ACCEPTED.get(type);
        if (kind == null && type.startsWith("image/hei")) {
            // no well-kept Java decoder reads HEIF, so it could not be re-encoded without its metadata
            throw unsupported("This photo is HEIC/HEIF, which Rounds cannot decode to remove its hidden metadata; "
                    + "send it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible).");
        }
        if (kind == null) {
            throw unsupported("This file is " + describe(type) + "; Rounds takes JPEG, PNG or WebP photos and MP4, "
                    + "WebM or QuickTime videos.");
        }
        if (fileName != null && fileName.contains(".") && !extensions(type).contains(extension(fileName))) {
            throw unsupported("The file is named “" + fileName + "” but its content is " + describe(type) + ".");
        }
        if (smuggles(file)) {
            throw unsupported("The file carries another format inside it (an archive, a page or a script).");
        }
        return kind;
    }

    /**
     * Accepts a scanned consent form: a PDF, JPEG or PNG by its content, named accordingly; an image must carry no
     * second format inside. A PDF is kept as it is and only ever sent as a download.
     */
    public static void acceptEvidence(Path file, String type, String fileName) throws IOException {
        List<String> extensions = EVIDENCE.get(type);
        if (extensions == null) {
            throw unsupported("This file is " + describe(type) + "; a scanned consent form is a PDF, JPEG or PNG.");
        }
        if (fileName != null && fileName.contains(".") && !extensions.contains(extension(fileName))) {
            throw unsupported("The file is named “" + fileName + "” but its content is " + describe(type) + ".");
        }
        if (!"application/pdf".equals(type) && smuggles(file)) {
            throw unsupported("The file carries another format inside it (an archive, a page or a script).");
        }
    }

    private static boolean smuggles(Path file) throws IOException {
        long size = Files.size(file);
        return contains(read(file, 0, SCANNED_BYTES)) || size > SCANNED_BYTES
                && contains(read(file, Math.max(SCANNED_BYTES, size - SCANNED_BYTES), SCANNED_BYTES));
    }

    private static byte[] read(Path file, long from, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            return in.readNBytes(length);
        }
    }

    private static boolean contains(byte[] data) {
        String lower = new String(data, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return SMUGGLED.stream().anyMatch(signature -> lower.contains(
                new String(signature, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)));
    }

    /** MP4 and QuickTime are one family (ISO base media files): phones name either as either. */
    private static final List<String> ISO_MEDIA = List.of("mp4", "m4v", "mov", "qt");

    private static List<String> extensions(String type) {
        if (type.equals("video/mp4") || type.equals("video/quicktime")) {
            return ISO_MEDIA;
        }
        try {
            MimeType mimeType = MimeTypes.getDefaultMimeTypes().forName(type);
            return mimeType.getExtensions().stream().map(e -> e.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT))
                    .toList();
        } catch (MimeTypeException e) {
            return List.of();
        }
    }

    private static String extension(String fileName) {
        return fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static String describe(String type) {
        return type.equals("application/octet-stream") ? "of no type Rounds recognises" : "“" + type + "”";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static ProblemException unsupported(String detail) {
        return new ProblemException(ProblemException.Kind.UNSUPPORTED_MEDIA_TYPE, "media-type-not-accepted",
                "File type not accepted", detail, List.of(), null);
    }
}
