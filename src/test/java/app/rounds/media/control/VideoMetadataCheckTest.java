package app.rounds.media.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read-back of a video's metadata on containers built here byte by byte: no ffmpeg needed. */
class VideoMetadataCheckTest {

    @TempDir
    Path folder;

    static byte[] box(String type, byte[]... children) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] child : children) {
            body.writeBytes(child);
        }
        return ByteBuffer.allocate(8 + body.size()).putInt(8 + body.size())
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body.toByteArray()).array();
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** A version-0 movie header: creation and modification times, time scale 1000, 1 s. */
    static byte[] mvhd(int creationTime) {
        return box("mvhd", ByteBuffer.allocate(100).putInt(0).putInt(creationTime).putInt(creationTime).putInt(1000)
                .putInt(1000).putInt(0x00010000).putShort((short) 0x0100).array());
    }

    static final byte[] FTYP = box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[4],
            "isommp41".getBytes(StandardCharsets.ISO_8859_1));

    /** An MP4 whose movie carries one user-data box of this type and content. */
    static byte[] mp4WithUserData(String type, byte[] content) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(FTYP);
        file.writeBytes(box("moov", mvhd(0), box("udta", box(type, content))));
        file.writeBytes(box("mdat", new byte[64]));
        return file.toByteArray();
    }

    List<String> remaining(byte[] video, String type) throws Exception {
        return VideoMetadataCheck.remaining(Files.write(Files.createTempFile(folder, "video", ".part"), video), type);
    }

    @Test
    void positionsAreFoundAsPhonesWriteThemAndNotInNoise() {
        for (String position : List.of("+48.8584+002.2945/", "+37.3318-122.0312+024.553/", "-33.8568+151.2153",
                "+4851+00217/", "x+48.85841+002.29451y")) {
            byte[] bytes = position.getBytes(StandardCharsets.ISO_8859_1);
            assertTrue(VideoMetadataCheck.containsIso6709(bytes, bytes.length, bytes.length), position);
        }
        for (String other : List.of("+48+002/", "+48.8584", "-1.5+2.5", "+12.00:0.00", "version 1.40+10.0")) {
            byte[] bytes = other.getBytes(StandardCharsets.ISO_8859_1);
            assertFalse(VideoMetadataCheck.containsIso6709(bytes, bytes.length, bytes.length), other);
        }
    }

    @Test
    void aPositionIsFoundAcrossTheChunksTheFileIsReadIn() throws Exception {
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if (noise[i] == '+' || noise[i] == '-') {
                noise[i] = 0; // no accidental sign next to digits in this noise
            }
        }
        Path file = Files.write(folder.resolve("noise"), noise);
        assertFalse(VideoMetadataCheck.containsIso6709(file));
        byte[] position = "+48.8584+002.2945/".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(position, 0, noise, 1024 * 1024 - 7, position.length); // across the first chunk's end
        assertTrue(VideoMetadataCheck.containsIso6709(Files.write(file, noise)));
    }

    @Test
    void anMp4WithoutMetadataPasses() throws Exception {
        assertEquals(List.of(), remaining(mp4WithUserData("free", new byte[16]), "video/mp4"), "padding only");

        ByteArrayOutputStream ffmpegs = new ByteArrayOutputStream();
        ffmpegs.writeBytes(FTYP);
        // what ffmpeg's MP4 muxer writes without metadata: an empty item list with its handler
        ffmpegs.writeBytes(box("moov", mvhd(0), box("udta", box("meta", new byte[4], box("hdlr", new byte[25]),
                box("ilst")))));
        ffmpegs.writeBytes(box("mdat", new byte[64]));
        assertEquals(List.of(), remaining(ffmpegs.toByteArray(), "video/mp4"));
    }

    @Test
    void locationsMakesAndTimesInAnMp4AreFound() throws Exception {
        byte[] xyz = mp4WithUserData("\u00a9xyz", "+48.8584+002.2945/".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(remaining(xyz, "video/mp4").containsAll(List.of("a location (\u00a9xyz)",
                "a location (an ISO 6709 position in its bytes)")), remaining(xyz, "video/mp4").toString());

        // 3GPP loci: the position in binary, invisible to a scan of the bytes
        byte[] loci = mp4WithUserData("loci", bytes(0, 0, 0, 0, 0x15, 0xc7, 0, 0, 0, 0x02, 0x4b, 0x48, 0x00,
                0x30, 0x85, 0x0e, 0, 0, 0, 0, 0, 0, 0, 0));
        assertTrue(remaining(loci, "video/mp4").contains("a location (loci)"), remaining(loci, "video/mp4").toString());

        byte[] make = mp4WithUserData("\u00a9mak", "Apple".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("user data (\u00a9mak)"), remaining(make, "video/mp4"), "any user data is found");

        ByteArrayOutputStream dated = new ByteArrayOutputStream();
        dated.writeBytes(FTYP);
        dated.writeBytes(box("moov", mvhd(0xE3A1_2C00)));
        assertTrue(remaining(dated.toByteArray(), "video/mp4").contains("a creation time"),
                remaining(dated.toByteArray(), "video/mp4").toString());
    }

    /** A box with a 64-bit size ({@code size} 1, then the real size in 8 bytes), whatever that says. */
    static byte[] largeBox(String type, long largeSize, byte[] body) {
        return ByteBuffer.allocate(16 + body.length).putInt(1).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .putLong(largeSize).put(body).array();
    }

    @Test
    void aBoxWhose64BitSizeRunsPastTheFileCannotBeVerified() throws Exception {
        for (long size : new long[]{Long.MAX_VALUE - 8, Long.MAX_VALUE, -16, 1L << 62}) {
            ByteArrayOutputStream top = new ByteArrayOutputStream();
            top.writeBytes(FTYP);
            top.writeBytes(box("moov", mvhd(0)));
            // where it starts plus its size overflows a long: it must not pass as a box that ends before the file
            top.writeBytes(largeBox("mdat", size, new byte[64]));
            assertTrue(remaining(top.toByteArray(), "video/mp4").contains("a damaged container"),
                    size + ": " + remaining(top.toByteArray(), "video/mp4"));

            ByteArrayOutputStream nested = new ByteArrayOutputStream();
            nested.writeBytes(FTYP);
            nested.writeBytes(box("moov", mvhd(0), largeBox("udta", size, new byte[32])));
            nested.writeBytes(box("mdat", new byte[64]));
            assertTrue(remaining(nested.toByteArray(), "video/mp4").contains("a damaged container"),
                    size + " in the movie: " + remaining(nested.toByteArray(), "video/mp4"));
        }
        ByteArrayOutputStream exact = new ByteArrayOutputStream();
        exact.writeBytes(FTYP);
        exact.writeBytes(box("moov", mvhd(0)));
        exact.writeBytes(largeBox("mdat", 16 + 64, new byte[64]));
        assertEquals(List.of(), remaining(exact.toByteArray(), "video/mp4"), "a 64-bit size that fits is read");
    }

    /** An EBML element: its id's bytes, an 8-byte size, the body. */
    static byte[] element(int id, byte[]... children) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] child : children) {
            body.writeBytes(child);
        }
        byte[] idBytes = ByteBuffer.allocate(4).putInt(id).array();
        int skip = 0;
        while (idBytes[skip] == 0) {
            skip++;
        }
        return ByteBuffer.allocate(4 - skip + 8 + body.size()).put(idBytes, skip, 4 - skip)
                .putLong(0x0100_0000_0000_0000L | body.size()).put(body.toByteArray()).array();
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] webm(byte[]... segment) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(element(0x1A45DFA3, element(0x4282, text("webm"))));
        file.writeBytes(element(0x18538067, segment));
        return file.toByteArray();
    }

    @Test
    void aWebmKeepsOnlyTheMuxersOwnDurationTags() throws Exception {
        byte[] info = element(0x1549A966, element(0x4D80, text("Lavf")), element(0x5741, text("Lavf")));
        byte[] durationTag = element(0x1254C367, element(0x7373, element(0x67C8, element(0x45A3, text("DURATION")),
                element(0x4487, text("00:00:01.000000000")))));
        byte[] cluster = element(0x1F43B675, new byte[512]);
        assertEquals(List.of(), remaining(webm(info, durationTag, cluster), "video/webm"));

        byte[] dated = element(0x1549A966, element(0x4461, new byte[8]), element(0x7BA9, text("Ward 7")));
        byte[] located = element(0x1254C367, element(0x7373, element(0x67C8, element(0x45A3, text("LOCATION")),
                element(0x4487, text("+48.8584+002.2945/")))));
        assertEquals(List.of("a creation time", "a title", "a location (a tag)",
                "a location (an ISO 6709 position in its bytes)"), remaining(webm(dated, located, cluster),
                "video/webm"));
        assertEquals(List.of("a damaged container"), remaining(text("not a webm at all"), "video/webm"));
    }
}
