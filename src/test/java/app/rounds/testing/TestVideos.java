package app.rounds.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real videos, made in the tests by ffmpeg, carrying what phones write into them. Without ffmpeg the tests that need
 * it are skipped, unless {@code -Drounds.video-tests=required} (as in CI), where its absence fails them.
 */
public final class TestVideos {

    /** The position the test videos carry (the Eiffel Tower), as ISO 6709. */
    public static final String POSITION = "+48.8584+002.2945";
    public static final String MODEL = "iPhone 15 Pro";

    private static final String FFMPEG = System.getProperty("rounds.ffmpeg", "ffmpeg");

    private TestVideos() {
    }

    public static void assumeFfmpeg() {
        boolean present;
        try {
            present = run(List.of(FFMPEG, "-hide_banner", "-version"));
        } catch (IOException e) {
            present = false;
        }
        if (!present && "required".equals(System.getProperty("rounds.video-tests"))) {
            throw new AssertionError("Video tests are required but ffmpeg (" + FFMPEG + ") does not run: "
                    + "apt-get install -y ffmpeg");
        }
        assumeTrue(present, "no ffmpeg: video tests skipped (apt-get install -y ffmpeg)");
    }

    /**
     * A QuickTime movie as an iPhone writes it: 1 s of 160×120 test pattern at 10 frames/s and a tone, with Apple's
     * metadata keys (location with altitude, make, model, software, creation date) and creation times.
     */
    public static Path iphone(Path folder) throws IOException {
        return make(folder, ".mov", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                "-metadata", "com.apple.quicktime.location.ISO6709=" + POSITION + "+035.000/",
                "-metadata", "com.apple.quicktime.make=Apple",
                "-metadata", "com.apple.quicktime.model=" + MODEL,
                "-metadata", "com.apple.quicktime.software=17.4",
                "-metadata", "com.apple.quicktime.creationdate=2026-03-01T11:00:00+0100",
                "-metadata", "creation_time=2026-03-01T10:00:00Z",
                "-metadata:s:v", "creation_time=2026-03-01T10:00:00Z",
                "-movflags", "use_metadata_tags", "-f", "mov"));
    }

    /**
     * An MP4 with a location in binary (3GPP {@code loci}, as ffmpeg and some phones write it: no text to find) and
     * creation times. (Android's own {@code ©xyz} text box is built by hand in VideoMetadataCheckTest.)
     */
    public static Path mp4(Path folder) throws IOException {
        return make(folder, ".mp4", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                "-metadata", "location=" + POSITION + "/", "-metadata", "creation_time=2026-03-01T10:00:00Z",
                "-f", "mp4"));
    }

    /** A WebM as a browser or an app records it, with a location tag, a title and a creation date. */
    public static Path webm(Path folder) throws IOException {
        return make(folder, ".webm", List.of("-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8",
                "-c:a", "libopus", "-metadata", "location=" + POSITION + "/", "-metadata", "title=Ward 7 drill",
                "-metadata", "creation_time=2026-03-01T10:00:00Z", "-f", "webm"));
    }

    private static Path make(Path folder, String suffix, List<String> output) throws IOException {
        Path file = folder.resolve("phone-" + UUID.randomUUID() + suffix);
        List<String> command = new ArrayList<>(List.of(FFMPEG, "-nostdin", "-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=10",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-threads", "1"));
        command.addAll(output);
        command.add(file.toString());
        if (!run(command)) {
            throw new IOException("ffmpeg could not make the test video: " + command);
        }
        return file;
    }

    /** Whether the command ran and ended well, within a minute. */
    private static boolean run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** Whether the bytes hold the text anywhere (read as Latin-1: one char a byte). */
    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    public static boolean contains(Path file, String text) throws IOException {
        return contains(Files.readAllBytes(file), text);
    }
}
