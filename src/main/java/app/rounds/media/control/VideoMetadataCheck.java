package app.rounds.media.control;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeMediaDirectory;
import com.drew.metadata.mov.metadata.QuickTimeMetadataDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4MediaDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What hidden metadata a video still carries, read back three ways, so that one reader's blind spot is not trusted:
 * <ol>
 *   <li>metadata-extractor (MP4 and QuickTime): GPS, QuickTime metadata items ({@code com.apple.quicktime.*} keys:
 *       location, make, model, creation date), XMP, creation and modification times of the movie and its tracks,
 *       make or model anywhere, any value written as an ISO 6709 position;</li>
 *   <li>the container's structure, for what metadata-extractor does not read: MP4/QuickTime {@code udta},
 *       {@code meta} and {@code uuid} boxes (Android's {@code ©xyz}, 3GPP {@code loci} with binary coordinates,
 *       {@code ©mak}/{@code ©mod}, XMP); WebM's creation date, title, track names, tags other than the muxer's own
 *       {@code DURATION}, attachments and chapters;</li>
 *   <li>every byte of the file, for a position written as ISO 6709 text ({@code +48.8584+002.2945/}) wherever it
 *       hides.</li>
 * </ol>
 * Findings are short phrases for people ("a location", "a creation time"); they never quote the values found.
 */
public final class VideoMetadataCheck {

    /** Before this the time fields hold no time: 0 is 1904-01-01 in QuickTime's epoch, which ffmpeg writes. */
    private static final Instant NO_TIME = Instant.parse("1904-01-02T00:00:00Z");
    /** WebM tags ffmpeg's muxer writes itself: each track's length. */
    private static final Set<String> WEBM_OWN_TAGS = Set.of("DURATION");

    private VideoMetadataCheck() {
    }

    /** What metadata the video still carries; empty when none was found. */
    public static List<String> remaining(Path video, String contentType) throws IOException {
        Set<String> findings = new LinkedHashSet<>();
        if (contentType.equals("video/webm")) {
            try (FileChannel channel = FileChannel.open(video, StandardOpenOption.READ)) {
                ebml(channel, 0, channel.size(), findings);
            }
        } else {
            readBack(video, findings);
            try (FileChannel channel = FileChannel.open(video, StandardOpenOption.READ)) {
                boxes(channel, 0, channel.size(), "", findings);
            }
        }
        if (containsIso6709(video)) {
            findings.add("a location (an ISO 6709 position in its bytes)");
        }
        return List.copyOf(findings);
    }

    // --- 1. metadata-extractor --------------------------------------------------------------------------------------

    private static void readBack(Path video, Set<String> findings) throws IOException {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(video.toFile());
        } catch (ImageProcessingException | RuntimeException e) {
            findings.add("a container that could not be read back");
            return;
        }
        for (Directory directory : metadata.getDirectories()) {
            if (directory instanceof GpsDirectory) {
                findings.add("a location (GPS)");
            } else if (directory instanceof XmpDirectory) {
                findings.add("XMP metadata");
            } else if (directory instanceof QuickTimeMetadataDirectory && directory.getTagCount() > 0) {
                if (directory.containsTag(QuickTimeMetadataDirectory.TAG_LOCATION_ISO6709)) {
                    findings.add("a location (QuickTime ISO 6709)");
                }
                if (directory.containsTag(QuickTimeMetadataDirectory.TAG_CREATION_DATE)) {
                    findings.add("a creation time");
                }
                findings.add("QuickTime metadata items");
            } else if (directory instanceof QuickTimeMediaDirectory) {
                times(directory, QuickTimeMediaDirectory.TAG_CREATION_TIME,
                        QuickTimeMediaDirectory.TAG_MODIFICATION_TIME, findings);
            } else if (directory instanceof Mp4MediaDirectory) {
                times(directory, Mp4MediaDirectory.TAG_CREATION_TIME, Mp4MediaDirectory.TAG_MODIFICATION_TIME,
                        findings);
            } else if (directory instanceof QuickTimeDirectory) {
                times(directory, QuickTimeDirectory.TAG_CREATION_TIME, QuickTimeDirectory.TAG_MODIFICATION_TIME,
                        findings);
            } else if (directory instanceof Mp4Directory) {
                times(directory, Mp4Directory.TAG_CREATION_TIME, Mp4Directory.TAG_MODIFICATION_TIME, findings);
            }
            for (Tag tag : directory.getTags()) {
                String name = tag.getTagName().toLowerCase(Locale.ROOT);
                if (name.equals("make") || name.equals("model")) {
                    findings.add("the device's make or model");
                }
                String value = tag.getDescription();
                byte[] text = value == null ? new byte[0] : value.getBytes(StandardCharsets.ISO_8859_1);
                if (containsIso6709(text, text.length, text.length)) {
                    findings.add("a location (ISO 6709)");
                }
            }
        }
    }

    private static void times(Directory directory, int creation, int modification, Set<String> findings) {
        for (int tag : new int[]{creation, modification}) {
            Date time = directory.containsTag(tag) ? directory.getDate(tag) : null;
            if (time != null && time.toInstant().isAfter(NO_TIME)) {
                findings.add("a creation time");
            }
        }
    }

    // --- 2a. MP4 / QuickTime boxes ---------------------------------------------------------------------------------

    /**
     * Walks the boxes at the top, in {@code moov} and in each {@code trak}: a {@code udta}, {@code meta} or
     * {@code uuid} box there must be absent or hold nothing (ffmpeg's MP4 muxer writes an empty item list).
     */
    private static void boxes(FileChannel file, long from, long to, String parent, Set<String> findings)
            throws IOException {
        for (long at = from; at + 8 <= to; ) {
            Box box = box(file, at, to);
            if (box == null) {
                findings.add("a damaged container");
                return;
            }
            switch (box.type()) {
                case "moov", "trak" -> boxes(file, box.body(), box.end(), box.type(), findings);
                case "udta" -> userData(file, box, findings);
                case "meta" -> meta(file, box, findings);
                case "uuid" -> findings.add("a vendor box (uuid, e.g. XMP)");
                default -> {
                    // media data, headers, sample tables: no metadata of the kind looked for
                }
            }
            at = box.end();
        }
    }

    private static void userData(FileChannel file, Box udta, Set<String> findings) throws IOException {
        for (long at = udta.body(); at + 8 <= udta.end(); ) {
            Box box = box(file, at, udta.end());
            if (box == null) {
                findings.add("a damaged container");
                return;
            }
            if (box.type().equals("meta")) {
                meta(file, box, findings);
            } else if (!box.type().equals("free") && !box.type().equals("skip")) {
                findings.add(box.type().equals("loci") || box.type().equals("\u00a9xyz") ? "a location (" + box.type()
                        + ")" : "user data (" + printable(box.type()) + ")");
            }
            at = box.end();
        }
    }

    /** A {@code meta} box may only carry its handler and an empty item list. */
    private static void meta(FileChannel file, Box meta, Set<String> findings) throws IOException {
        // in MP4 a full box (4 bytes of version and flags), in QuickTime not: its first child follows at once
        long first = meta.body() + ("hdlr".equals(type(file, meta.body() + 4, meta.end())) ? 0 : 4);
        for (long at = first; at + 8 <= meta.end(); ) {
            Box box = box(file, at, meta.end());
            if (box == null) {
                findings.add("a damaged container");
                return;
            }
            boolean empty = box.end() == box.body();
            if (box.type().equals("keys")) {
                findings.add("QuickTime metadata items");
            } else if (!box.type().equals("hdlr") && !(box.type().equals("ilst") && empty)
                    && !box.type().equals("free") && !box.type().equals("skip")) {
                findings.add("metadata items (" + printable(box.type()) + ")");
            }
            at = box.end();
        }
    }

    private record Box(String type, long body, long end) {
    }

    /** The box at {@code at}, which must end by {@code limit}; null when its header is cut short or its size wrong. */
    private static Box box(FileChannel file, long at, long limit) throws IOException {
        ByteBuffer header = read(file, at, 16);
        if (header.remaining() < 8) {
            return null;
        }
        long size = Integer.toUnsignedLong(header.getInt(0));
        String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
        int headerSize = 8;
        if (size == 1) {
            if (header.remaining() < 16) {
                return null;
            }
            size = header.getLong(8);
            headerSize = 16;
        } else if (size == 0) {
            size = limit - at;
        }
        // a 64-bit size may be anything: compared with what is left, never added to where it starts (no overflow);
        // negative (above 2^63) or beyond the parent, the box is damaged and the video cannot be verified
        if (size < headerSize || size > limit - at) {
            return null;
        }
        return new Box(type, at + headerSize, at + size);
    }

    private static String type(FileChannel file, long at, long limit) throws IOException {
        if (at + 4 > limit) {
            return "";
        }
        ByteBuffer bytes = read(file, at, 4);
        return new String(bytes.array(), 0, bytes.remaining(), StandardCharsets.ISO_8859_1);
    }

    // --- 2b. WebM (EBML) -------------------------------------------------------------------------------------------

    private static final int EBML = 0x1A45DFA3;
    private static final int SEGMENT = 0x18538067;
    private static final int INFO = 0x1549A966;
    private static final int DATE_UTC = 0x4461;
    private static final int TITLE = 0x7BA9;
    private static final int TRACKS = 0x1654AE6B;
    private static final int TRACK_ENTRY = 0xAE;
    private static final int TRACK_NAME = 0x536E;
    private static final int TAGS = 0x1254C367;
    private static final int TAG = 0x7373;
    private static final int SIMPLE_TAG = 0x67C8;
    private static final int TAG_NAME = 0x45A3;
    private static final int ATTACHMENTS = 0x1941A469;
    private static final int CHAPTERS = 0x1043A770;
    private static final Set<Integer> DESCEND = Set.of(SEGMENT, INFO, TRACKS, TRACK_ENTRY, TAGS, TAG, SIMPLE_TAG);

    /** Walks the segment's info, tracks and tags; skips clusters and cues by their size. */
    private static void ebml(FileChannel file, long from, long to, Set<String> findings) throws IOException {
        for (long at = from; at < to; ) {
            ByteBuffer head = read(file, at, 12);
            int idLength = vintLength(head, 0, 4);
            int sizeLength = idLength == 0 ? 0 : vintLength(head, idLength, 8);
            if (sizeLength == 0) {
                findings.add("a damaged container");
                return;
            }
            int id = (int) raw(head, 0, idLength);
            long size = raw(head, idLength, sizeLength) & ((1L << (7 * sizeLength)) - 1);
            boolean unknownSize = size == (1L << (7 * sizeLength)) - 1;
            long body = at + idLength + sizeLength;
            long end = unknownSize ? to : body + size;
            if (end > to || unknownSize && id != SEGMENT) {
                findings.add(unknownSize ? "a structure that could not be checked" : "a damaged container");
                return;
            }
            if (DESCEND.contains(id)) {
                ebml(file, body, end, findings);
            } else if (id == DATE_UTC) {
                findings.add("a creation time");
            } else if (id == TITLE) {
                findings.add("a title");
            } else if (id == TRACK_NAME) {
                findings.add("a track name");
            } else if (id == TAG_NAME) {
                ByteBuffer name = read(file, body, (int) Math.min(size, 64));
                String tag = new String(name.array(), 0, name.remaining(), StandardCharsets.UTF_8).strip();
                if (!WEBM_OWN_TAGS.contains(tag.toUpperCase(Locale.ROOT))) {
                    findings.add(tag.toUpperCase(Locale.ROOT).contains("LOCATION") ? "a location (a tag)"
                            : "a tag (" + printable(tag) + ")");
                }
            } else if (id == ATTACHMENTS) {
                findings.add("attached files");
            } else if (id == CHAPTERS) {
                findings.add("chapters");
            } else if (at == 0 && id != EBML) {
                findings.add("a damaged container"); // a WebM file starts with its EBML header
                return;
            }
            at = end;
        }
    }

    /** The length of the variable-length integer at {@code at} (its leading zero bits), or 0 if none fits. */
    private static int vintLength(ByteBuffer bytes, int at, int max) {
        if (at >= bytes.remaining()) {
            return 0;
        }
        int first = bytes.get(at) & 0xFF;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        return first == 0 || length > max || at + length > bytes.remaining() ? 0 : length;
    }

    private static long raw(ByteBuffer bytes, int at, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = value << 8 | (bytes.get(at + i) & 0xFF);
        }
        return value;
    }

    private static ByteBuffer read(FileChannel file, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && file.read(buffer, at + buffer.position()) > 0) {
            // until full or at the end of the file
        }
        return buffer.flip();
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\p{Print}\\u00a9]", "?");
    }

    // --- 3. every byte -----------------------------------------------------------------------------------------------

    /** Longer than any ISO 6709 string looked for; chunks overlap by this much so that none is cut in two. */
    private static final int LONGEST = 80;

    /** Whether the file holds a position written as ISO 6709 text anywhere, read in 1 MB chunks. */
    static boolean containsIso6709(Path file) throws IOException {
        byte[] buffer = new byte[1024 * 1024];
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int end = carried + in.readNBytes(buffer, carried, buffer.length - carried);
                boolean last = end < buffer.length;
                if (containsIso6709(buffer, last ? end : end - LONGEST, end)) {
                    return true;
                }
                if (last) {
                    return false;
                }
                System.arraycopy(buffer, end - LONGEST, buffer, 0, LONGEST);
                carried = LONGEST;
            }
        }
    }

    /** Whether an ISO 6709 position starts before {@code starts}; its bytes may run on up to {@code end}. */
    static boolean containsIso6709(byte[] bytes, int starts, int end) {
        for (int i = 0; i < starts; i++) {
            if ((bytes[i] == '+' || bytes[i] == '-') && iso6709At(bytes, i, Math.min(end, i + LONGEST))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A latitude and a longitude as phones write them: {@code ±DD.DDDD±DDD.DDDD} (degrees with decimals, as Apple and
     * Android do), optionally an altitude and a closing {@code /}; or degrees and minutes ({@code ±DDMM±DDDMM/}, the
     * slash required). Whole degrees alone ({@code +48+002/}) say only the region and are not looked for.
     */
    private static boolean iso6709At(byte[] b, int start, int end) {
        int at = start + 1;
        int latitude = digits(b, at, end);
        if (latitude < 2 || latitude > 6) {
            return false;
        }
        at += latitude;
        int latitudeDecimals = decimals(b, at, end);
        at += latitudeDecimals == 0 ? 0 : latitudeDecimals + 1;
        if (at >= end || b[at] != '+' && b[at] != '-') {
            return false;
        }
        at++;
        int longitude = digits(b, at, end);
        if (longitude < 3 || longitude > 7) {
            return false;
        }
        at += longitude;
        int longitudeDecimals = decimals(b, at, end);
        at += longitudeDecimals == 0 ? 0 : longitudeDecimals + 1;
        if (latitudeDecimals > 0 && longitudeDecimals > 0) {
            return true;
        }
        if (at < end && (b[at] == '+' || b[at] == '-')) {
            int altitude = digits(b, at + 1, end);
            at += altitude == 0 ? 0 : altitude + 1;
            int altitudeDecimals = decimals(b, at, end);
            at += altitudeDecimals == 0 ? 0 : altitudeDecimals + 1;
        }
        return latitude >= 4 && longitude >= 5 && at < end && b[at] == '/';
    }

    private static int digits(byte[] b, int at, int end) {
        int count = 0;
        while (at + count < end && count < 12 && b[at + count] >= '0' && b[at + count] <= '9') {
            count++;
        }
        return count;
    }

    /** The number of decimals after a point at {@code at}, or 0 if there is no point followed by a digit. */
    private static int decimals(byte[] b, int at, int end) {
        return at < end && b[at] == '.' ? digits(b, at + 1, end) : 0;
    }
}
