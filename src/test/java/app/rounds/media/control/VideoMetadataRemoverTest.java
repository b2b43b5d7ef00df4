package app.rounds.media.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.testing.Conditions;
import app.rounds.testing.TestVideos;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.mov.metadata.QuickTimeMetadataDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The removal of video metadata with the real ffmpeg (skipped without it, required in CI), and what happens when
 * ffmpeg is missing, fails, hangs or leaves metadata behind: stand-in executables written here.
 */
@Tag("slow") // seconds, not milliseconds: run by verify, not by ./mvnw test
class VideoMetadataRemoverTest {

    @TempDir
    Path folder;

    VideoMetadataRemover remover(String ffmpeg, long timeoutSeconds, int concurrency) {
        return remover(ffmpeg, timeoutSeconds, concurrency, timeoutSeconds);
    }

    VideoMetadataRemover remover(String ffmpeg, long timeoutSeconds, int concurrency, long waitSeconds) {
        VideoMetadataRemover remover = new VideoMetadataRemover();
        remover.ffmpeg = ffmpeg;
        remover.timeoutSeconds = timeoutSeconds;
        remover.concurrency = concurrency;
        remover.waitSeconds = waitSeconds;
        remover.maxAllocBytes = 256L << 20;
        remover.maxMemoryBytes = 1L << 30;
        remover.applyLimits();
        return remover;
    }

    VideoMetadataRemover ffmpeg() {
        return remover(System.getProperty("rounds.ffmpeg", "ffmpeg"), 60, 2);
    }

    Path copy() {
        return folder.resolve("copy.video");
    }

    @Test
    void anIphoneVideoLosesItsLocationDeviceAndCreationTimeAndKeepsItsPicturesAndSound() throws Exception {
        TestVideos.assumeFfmpeg();
        Path video = TestVideos.iphone(folder);
        Metadata before = ImageMetadataReader.readMetadata(video.toFile());
        assertTrue(before.getFirstDirectoryOfType(QuickTimeMetadataDirectory.class)
                .containsTag(QuickTimeMetadataDirectory.TAG_LOCATION_ISO6709), "the test video carries a location");
        assertTrue(VideoMetadataCheck.remaining(video, "video/quicktime").containsAll(List.of(
                "a location (QuickTime ISO 6709)", "the device's make or model", "a creation time")),
                VideoMetadataCheck.remaining(video, "video/quicktime").toString());

        var outcome = ffmpeg().remove(video, "video/quicktime", copy());

        assertInstanceOf(VideoMetadataRemover.Removed.class, outcome, outcome.toString());
        assertEquals(List.of(), VideoMetadataCheck.remaining(copy(), "video/quicktime"));
        Metadata after = ImageMetadataReader.readMetadata(copy().toFile());
        assertFalse(after.containsDirectoryOfType(QuickTimeMetadataDirectory.class));
        byte[] bytes = Files.readAllBytes(copy());
        assertFalse(TestVideos.contains(bytes, TestVideos.POSITION) || TestVideos.contains(bytes, TestVideos.MODEL)
                || TestVideos.contains(bytes, "com.apple.quicktime"));
        assertEquals(new VideoInspector.Inspected(160, 120, 1000L), VideoInspector.inspect(copy()),
                "the same pictures, as long as before");
        assertTrue(TestVideos.contains(bytes, "soun") && TestVideos.contains(bytes, "mp4a"), "the sound is kept");

        Path again = folder.resolve("again.video");
        ffmpeg().remove(video, "video/quicktime", again);
        assertArrayEquals(bytes, Files.readAllBytes(again), "the same video gives the same bytes (one stored file)");
    }

    @Test
    void anMp4LosesItsBinaryLocation() throws Exception {
        TestVideos.assumeFfmpeg();
        Path video = TestVideos.mp4(folder);
        assertTrue(VideoMetadataCheck.remaining(video, "video/mp4").containsAll(List.of("a location (loci)",
                "a creation time")), VideoMetadataCheck.remaining(video, "video/mp4").toString());

        var outcome = ffmpeg().remove(video, "video/mp4", copy());

        assertInstanceOf(VideoMetadataRemover.Removed.class, outcome, outcome.toString());
        assertEquals(List.of(), VideoMetadataCheck.remaining(copy(), "video/mp4"));
        assertFalse(TestVideos.contains(copy(), TestVideos.POSITION) || TestVideos.contains(copy(), "loci"));
        assertEquals(new VideoInspector.Inspected(160, 120, 1000L), VideoInspector.inspect(copy()));
    }

    @Test
    void aWebmVideoLosesItsTagsTitleAndDate() throws Exception {
        TestVideos.assumeFfmpeg();
        Path video = TestVideos.webm(folder);
        assertTrue(VideoMetadataCheck.remaining(video, "video/webm").containsAll(List.of("a location (a tag)",
                "a title", "a creation time")), VideoMetadataCheck.remaining(video, "video/webm").toString());

        var outcome = ffmpeg().remove(video, "video/webm", copy());

        assertInstanceOf(VideoMetadataRemover.Removed.class, outcome, outcome.toString());
        assertEquals(List.of(), VideoMetadataCheck.remaining(copy(), "video/webm"));
        assertFalse(TestVideos.contains(copy(), TestVideos.POSITION) || TestVideos.contains(copy(), "Ward 7"));
        assertTrue(TestVideos.contains(copy(), "V_VP8") && TestVideos.contains(copy(), "A_OPUS"),
                "pictures and sound kept");
    }

    @Test
    void withoutFfmpegTheVideoIsKeptAndTheNoteSaysWhy() throws Exception {
        Path video = Files.write(folder.resolve("upload.part"), new byte[]{0, 0, 0, 8, 'f', 'r', 'e', 'e'});

        var outcome = remover(folder.resolve("no-such-ffmpeg").toString(), 10, 1).remove(video, "video/mp4", copy());

        VideoMetadataRemover.Kept kept = assertInstanceOf(VideoMetadataRemover.Kept.class, outcome);
        assertTrue(kept.note().contains("ffmpeg") && kept.note().contains("could not be started"), kept.note());
        assertFalse(Files.exists(copy()));
    }

    @Test
    void aFailingFfmpegLeavesNoCopyAndItsMessageIsKeptBounded() throws Exception {
        Path ffmpeg = script("failing", """
                for last; do :; done
                printf 'half a file' > "${last#file:}"
                head -c 1000000 /dev/zero | tr '\\0' 'x'
                echo
                echo 'moov atom not found' >&2
                exit 1
                """);
        Path video = Files.writeString(folder.resolve("upload.part"), "not a video");

        var outcome = remover(ffmpeg.toString(), 10, 1).remove(video, "video/mp4", copy());

        VideoMetadataRemover.Kept kept = assertInstanceOf(VideoMetadataRemover.Kept.class, outcome);
        assertFalse(Files.exists(copy()), "no half-written copy left");
        assertTrue(kept.note().length() <= 500, kept.note());
        // a megabyte of output was read and dropped: only the first KB are kept, so the last line is the cut-off one
        assertTrue(kept.note().startsWith("ffmpeg could not rewrite it (xxx"), kept.note());
    }

    @Test
    void aFailureNamesFfmpegsLastMessageWithoutOurPaths() throws Exception {
        Path ffmpeg = script("invalid", """
                for argument; do case "$argument" in file:*.part) input="$argument";; esac; done
                echo "$input: Invalid data found when processing input" >&2
                exit 1
                """);
        Path video = Files.writeString(folder.resolve("upload.part"), "not a video");

        var outcome = remover(ffmpeg.toString(), 10, 1).remove(video, "video/mp4", copy());

        assertEquals(new VideoMetadataRemover.Kept("ffmpeg could not rewrite it (the video: Invalid data found when "
                + "processing input); it may be damaged or in a form Rounds cannot rewrite: export it again from the "
                + "phone or camera and upload that copy."), outcome);
    }

    @Test
    void anFfmpegThatRunsTooLongIsKilledAtTheTimeLimit() throws Exception {
        Path pid = folder.resolve("pid");
        Path ffmpeg = script("hanging", "echo $$ > '" + pid + "'\nexec sleep 300\n");
        Path video = Files.writeString(folder.resolve("upload.part"), "a video");

        long start = System.nanoTime();
        var outcome = remover(ffmpeg.toString(), 1, 1).remove(video, "video/mp4", copy());

        VideoMetadataRemover.Kept kept = assertInstanceOf(VideoMetadataRemover.Kept.class, outcome);
        assertTrue(kept.note().contains("longer than the 1 s allowed"), kept.note());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "stopped, not waited for");
        long stopped = Long.parseLong(Files.readString(pid).strip());
        assertFalse(ProcessHandle.of(stopped).map(ProcessHandle::isAlive).orElse(false), "the process is gone");
    }

    @Test
    void aCopyThatStillCarriesALocationIsNotUsed() throws Exception {
        Path ffmpeg = script("copying", """
                while [ "$#" -gt 1 ]; do
                  if [ "$1" = "-i" ]; then input="${2#file:}"; fi
                  shift
                done
                cp "$input" "${1#file:}"
                """);
        Path video = Files.write(folder.resolve("upload.part"), VideoMetadataCheckTest.mp4WithUserData("\u00a9xyz",
                (TestVideos.POSITION + "/").getBytes(StandardCharsets.ISO_8859_1)));

        var outcome = remover(ffmpeg.toString(), 10, 1).remove(video, "video/mp4", copy());

        VideoMetadataRemover.Kept kept = assertInstanceOf(VideoMetadataRemover.Kept.class, outcome);
        assertTrue(kept.note().startsWith("after rewriting it still carried ")
                && kept.note().contains("a location (\u00a9xyz)"), kept.note());
        assertFalse(kept.note().contains(TestVideos.POSITION), "the note never repeats the position");
        assertFalse(Files.exists(copy()));
    }

    @Test
    void noMoreRunAtOnceThanAllowedAndACallerWaitingTooLongForAPlaceHears503() throws Exception {
        Path running = folder.resolve("running");
        Path log = folder.resolve("log");
        Path ffmpeg = script("slow", "if [ -e '" + running + "' ]; then echo overlap >> '" + log + "'; fi\n"
                + "echo started >> '" + log + "'\ntouch '" + running + "'\nsleep 1\nrm '" + running + "'\nexit 1\n");
        VideoMetadataRemover oneAtATime = remover(ffmpeg.toString(), 10, 1);
        Path video = Files.writeString(folder.resolve("upload.part"), "a video");

        try (ExecutorService parallel = Executors.newFixedThreadPool(3)) {
            List<Future<VideoMetadataRemover.Outcome>> outcomes = parallel.invokeAll(List.of(
                    () -> oneAtATime.remove(video, "video/mp4", folder.resolve("a")),
                    () -> oneAtATime.remove(video, "video/mp4", folder.resolve("b")),
                    () -> oneAtATime.remove(video, "video/mp4", folder.resolve("c"))));
            for (Future<VideoMetadataRemover.Outcome> outcome : outcomes) {
                assertInstanceOf(VideoMetadataRemover.Kept.class, outcome.get());
            }
        }
        assertEquals(List.of("started", "started", "started"), Files.readAllLines(log), "one after the other");

        Path started = folder.resolve("started");
        Path release = folder.resolve("release");
        Path blocking = script("blocking", "touch '" + started + "'\nwhile [ ! -e '" + release + "' ]; do sleep 0.05; "
                + "done\nexit 1\n");
        VideoMetadataRemover busy = remover(blocking.toString(), 30, 1, 1);
        try (ExecutorService first = Executors.newSingleThreadExecutor()) {
            Future<VideoMetadataRemover.Outcome> holding = first.submit(() -> busy.remove(video, "video/mp4",
                    folder.resolve("d")));
            Conditions.await("the first to run", Duration.ofSeconds(10), () -> Files.exists(started));
            ProblemException refused = assertThrows(ProblemException.class, () -> busy.remove(video, "video/mp4",
                    folder.resolve("e")), "the only place is taken for longer than a caller waits");
            assertEquals(503, refused.kind().status);
            assertEquals("media-busy", refused.type());
            assertFalse(Files.exists(folder.resolve("e")));
            Files.createFile(release);
            assertInstanceOf(VideoMetadataRemover.Kept.class, holding.get());
        }
    }

    @Test
    void aTypeItCannotRewriteIsKeptAndItsLimitsMustBePositive() throws Exception {
        var outcome = remover("ffmpeg", 10, 1).remove(folder.resolve("x"), "video/x-msvideo", copy());
        assertInstanceOf(VideoMetadataRemover.Kept.class, outcome);
        assertThrows(IllegalStateException.class, () -> remover("ffmpeg", 0, 1));
    }

    @Test
    void ffmpegRunsUnderPrlimitWithItsAddressSpaceBoundedAndWithoutPrlimitAllTheSame() throws Exception {
        Path limit = folder.resolve("limit");
        Path arguments = folder.resolve("arguments");
        Path ffmpeg = script("reporting", "ulimit -v > '" + limit + "'\nfor a; do echo \"$a\"; done > '" + arguments
                + "'\nexit 1\n");
        Path video = Files.writeString(folder.resolve("upload.part"), "a video");

        VideoMetadataRemover bounded = remover(ffmpeg.toString(), 10, 1);
        org.junit.jupiter.api.Assumptions.assumeTrue(bounded.prlimit.isPresent(), "prlimit (util-linux) on the PATH");
        assertInstanceOf(VideoMetadataRemover.Kept.class, bounded.remove(video, "video/mp4", copy()));
        assertEquals(String.valueOf((1L << 30) / 1024), Files.readString(limit).strip(), "1 GiB, in KiB");
        List<String> given = Files.readAllLines(arguments);
        assertEquals("268435456", given.get(given.indexOf("-max_alloc") + 1), "no single allocation above 256 MiB");

        String bound = Files.readString(limit).strip();
        Files.delete(limit);
        VideoMetadataRemover withoutPrlimit = remover(ffmpeg.toString(), 10, 1);
        withoutPrlimit.prlimit = java.util.Optional.empty();
        assertInstanceOf(VideoMetadataRemover.Kept.class, withoutPrlimit.remove(video, "video/mp4", copy()));
        assertTrue(Files.exists(limit), "ffmpeg ran without prlimit");
        assertFalse(Files.readString(limit).strip().equals(bound), "the server's own limit, not the bound");
        assertTrue(Files.readAllLines(arguments).contains("-max_alloc"), "single allocations bounded all the same");

        Files.delete(limit);
        VideoMetadataRemover unbounded = remover(ffmpeg.toString(), 10, 1);
        unbounded.maxMemoryBytes = 0;
        assertInstanceOf(VideoMetadataRemover.Kept.class, unbounded.remove(video, "video/mp4", copy()));
        assertFalse(Files.readString(limit).strip().equals(bound), "0: the address space is not bounded");
    }

    @Test
    void executablesAreFoundOnThePathAsAShellWould() throws Exception {
        Path bin = Files.createDirectory(folder.resolve("bin"));
        Path other = Files.createDirectory(folder.resolve("other"));
        Files.writeString(other.resolve("tool"), "not executable");
        Path tool = script("tool", "exit 0\n");
        Files.move(tool, bin.resolve("tool"));
        assertEquals(java.util.Optional.of(bin.resolve("tool")), VideoMetadataRemover.onPath("tool",
                ":" + other + ":" + bin), "the first executable one; an empty entry is not the working directory");
        assertEquals(java.util.Optional.empty(), VideoMetadataRemover.onPath("tool", other.toString()));
        assertEquals(java.util.Optional.empty(), VideoMetadataRemover.onPath("tool", null));
        assertEquals(java.util.Optional.of(bin.resolve("tool")), VideoMetadataRemover.onPath(
                bin.resolve("tool").toString(), ""), "a path is taken as it is");
    }

    /** An executable shell script standing in for ffmpeg. */
    Path script(String name, String body) throws IOException {
        Path script = folder.resolve(name + ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
