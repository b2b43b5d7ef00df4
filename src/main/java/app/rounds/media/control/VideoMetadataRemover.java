package app.rounds.media.control;

import app.rounds.platform.control.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes a video's container metadata (where, when and with which device it was filmed) by having ffmpeg copy its
 * pictures and sound into a new container of the same kind, without re-encoding, then reads the copy back to make sure
 * ({@link VideoMetadataCheck}). Why ffmpeg: no well-kept Java library rewrites MP4, QuickTime and WebM containers,
 * and ffmpeg, from the distribution's packages, does it in seconds without touching the coded pictures.
 *
 * <p>What the copy keeps: every video stream that is not a cover picture, every audio stream, the display rotation.
 * What it loses: global and per-stream metadata (QuickTime {@code ©xyz} and {@code com.apple.quicktime.*} items,
 * 3GPP {@code loci}, make, model, software, creation times, encoder names), chapters, subtitle and data tracks (the
 * timed-metadata and GPS tracks of phones, action cameras and drones) and cover art. With {@code bitexact} the muxer
 * writes no version tag and no time of its own, so the same video always gives the same bytes: an upload of the same
 * file again is the same item.
 *
 * <p>ffmpeg runs on files named by us only (the user's file name is never on its command line), as a list of arguments
 * (no shell), with its input format forced to the one judged from the bytes (so it never follows a playlist or another
 * protocol), one thread, a time limit ({@code rounds.media.ffmpeg-timeout-seconds}, then killed), bounded memory (no
 * single allocation above {@code rounds.media.ffmpeg-max-alloc-bytes}, ffmpeg's own {@code -max_alloc}; and, when
 * util-linux's {@code prlimit} is on the {@code PATH}, an address space of at most
 * {@code rounds.media.ffmpeg-max-memory-bytes}, so a crafted file cannot make it take the server's memory), at most
 * {@code rounds.media.ffmpeg-concurrency} at once (an upload waits for a place up to
 * {@code rounds.media.ffmpeg-wait-seconds}, then is refused with 503: an upload holds a request thread while it waits
 * and while ffmpeg runs, so it waits briefly), and only the first few KB of its messages kept.
 */
@ApplicationScoped
public class VideoMetadataRemover {

    /** The outcome of an attempt: the copy without metadata, or why the video has to be kept as it was uploaded. */
    public sealed interface Outcome permits Removed, Kept {
    }

    /** The copy, checked: no location, device or creation time was found in it. */
    public record Removed(Path file) implements Outcome {
    }

    /** Why the metadata could not be removed, for a communicator; the video is kept as uploaded. */
    public record Kept(String note) implements Outcome {
        public Kept {
            note = note.length() <= NOTE_LENGTH ? note : note.substring(0, NOTE_LENGTH - 1) + "…";
        }
    }

    public static final String REMOVED_NOTE = "Container rewritten without re-encoding: location, device, creation "
            + "times and other tags, chapters, subtitle and data tracks and cover art were not carried over; "
            + "checked afterwards.";

    /** Bytes of ffmpeg's messages kept for the note and the log; the rest is read and dropped. */
    static final int KEPT_OUTPUT = 4096;
    /** The length of the {@code metadata_note} column. */
    private static final int NOTE_LENGTH = 500;
    private static final Logger LOG = Logger.getLogger(VideoMetadataRemover.class.getName());

    private record Container(String demuxer, String muxer, List<String> muxerOptions) {
    }

    /** Each accepted type with ffmpeg's names for it: read as, written as. */
    private static final Map<String, Container> CONTAINERS = Map.of(
            "video/mp4", new Container("mov", "mp4", List.of("-movflags", "+faststart")),
            "video/quicktime", new Container("mov", "mov", List.of("-movflags", "+faststart")),
            "video/webm", new Container("matroska", "webm", List.of()));

    @Inject
    @ConfigProperty(name = "rounds.media.ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "rounds.media.ffmpeg-timeout-seconds")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "rounds.media.ffmpeg-concurrency")
    int concurrency;

    /**
     * How long an upload waits for one of the places before it is refused with 503. Short: it holds a request thread
     * meanwhile, and then again while ffmpeg runs.
     */
    @Inject
    @ConfigProperty(name = "rounds.media.ffmpeg-wait-seconds")
    long waitSeconds;

    /** The largest single allocation ffmpeg may make ({@code -max_alloc}); its own default is 2 GiB. */
    @Inject
    @ConfigProperty(name = "rounds.media.ffmpeg-max-alloc-bytes")
    long maxAllocBytes;

    /**
     * The address space ffmpeg may take ({@code prlimit --as}, when prlimit is on the {@code PATH}); 0: unbounded.
     * It counts the shared libraries ffmpeg loads (about 400 MiB for Debian's), not only what it allocates.
     */
    @Inject
    @ConfigProperty(name = "rounds.media.ffmpeg-max-memory-bytes")
    long maxMemoryBytes;

    /** util-linux's prlimit, which runs ffmpeg with its address space bounded; empty when it is not on the PATH. */
    Optional<Path> prlimit = Optional.empty();

    private Semaphore running;

    @PostConstruct
    void applyLimits() {
        if (timeoutSeconds < 1 || concurrency < 1 || waitSeconds < 0 || maxAllocBytes < 1 || maxMemoryBytes < 0) {
            throw new IllegalStateException("rounds.media.ffmpeg-timeout-seconds, rounds.media.ffmpeg-concurrency and "
                    + "rounds.media.ffmpeg-max-alloc-bytes must be at least 1, rounds.media.ffmpeg-wait-seconds and "
                    + "rounds.media.ffmpeg-max-memory-bytes (0: unbounded) at least 0");
        }
        running = new Semaphore(concurrency, true);
        prlimit = onPath("prlimit", System.getenv("PATH"));
        if (prlimit.isEmpty() && maxMemoryBytes > 0) {
            LOG.warning("prlimit (util-linux) is not on the PATH: ffmpeg's address space is not bounded, only its "
                    + "single allocations (rounds.media.ffmpeg-max-alloc-bytes)");
        }
    }

    /**
     * Writes {@code video} (of an accepted {@code contentType}) to {@code target} without its metadata and checks the
     * result. When that cannot be done, {@code target} is gone and the outcome says why. A caller waits for one of
     * the {@code concurrency} places up to {@code rounds.media.ffmpeg-wait-seconds}, then gets 503 (nothing stored).
     */
    public Outcome remove(Path video, String contentType, Path target) throws IOException {
        Container container = CONTAINERS.get(contentType);
        if (container == null) {
            return new Kept("Rounds cannot rewrite " + contentType + " videos.");
        }
        boolean permitted = false;
        try {
            permitted = running.tryAcquire(waitSeconds, TimeUnit.SECONDS);
            if (!permitted) {
                throw busy();
            }
            Outcome outcome = rewrite(video, container, target);
            if (outcome instanceof Removed) {
                outcome = checked(video, contentType, target);
            }
            if (outcome instanceof Kept) {
                Files.deleteIfExists(target);
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(target);
            throw new IOException("interrupted while removing a video's metadata", e);
        } finally {
            if (permitted) {
                running.release();
            }
        }
    }

    /** ffmpeg's command line, run under prlimit when it is there; {@code executable}: ffmpeg, found. */
    List<String> command(Path executable, Path video, Container container, Path target) {
        List<String> command = new ArrayList<>();
        if (prlimit.isPresent() && maxMemoryBytes > 0) {
            // bounds the address space of the process it becomes (it executes ffmpeg in its place: the same pid)
            command.addAll(List.of(prlimit.get().toString(), "--as=" + maxMemoryBytes, "--"));
        }
        command.addAll(List.of(executable.toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-max_alloc", Long.toString(maxAllocBytes), "-threads", "1",
                // read only the file, as the format its bytes were judged to be: no playlists, no other protocols
                "-protocol_whitelist", "file", "-f", container.demuxer(), "-i", "file:" + video.toAbsolutePath(),
                // the pictures (not cover art: capital V) and the sound; no subtitle, data or timed-metadata tracks
                "-map", "0:V", "-map", "0:a?", "-map_chapters", "-1",
                // no global metadata, none per stream
                "-map_metadata", "-1", "-map_metadata:s", "-1",
                "-c", "copy", "-threads", "1",
                // no encoder version, no time of the muxer's own: the same input gives the same bytes
                "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"));
        command.addAll(container.muxerOptions());
        command.addAll(List.of("-f", container.muxer(), "-n", "file:" + target.toAbsolutePath()));
        return command;
    }

    private Outcome rewrite(Path video, Container container, Path target) throws InterruptedException {
        // found first: under prlimit a missing ffmpeg would not fail to start, prlimit would fail to run it
        Path executable = onPath(ffmpeg, System.getenv("PATH")).orElse(null);
        if (executable == null) {
            return notStarted("not found");
        }
        ProcessBuilder builder = new ProcessBuilder(command(executable, video, container, target))
                .directory(target.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().retainAll(List.of("PATH"));
        builder.environment().put("AV_LOG_FORCE_NOCOLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return notStarted(e.getMessage());
        }
        long started = System.nanoTime();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // ffmpeg reads nothing from us (-nostdin)
        }
        Output output = new Output(process.getInputStream());
        Thread reader = Thread.ofVirtual().name("ffmpeg-output").start(output);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                stop(process);
                LOG.warning(() -> "ffmpeg stopped after " + timeoutSeconds + " s: " + output.text(video, target));
                return new Kept("removing it took longer than the " + timeoutSeconds + " s allowed and was stopped; "
                        + "a shorter clip may pass.");
            }
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
        reader.join(Duration.ofSeconds(5));
        String messages = output.text(video, target);
        if (process.exitValue() != 0 || !nonEmpty(target)) {
            LOG.warning(() -> "ffmpeg failed (exit " + process.exitValue() + "): " + messages);
            String last = messages.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce((a, b) -> b)
                    .orElse("exit code " + process.exitValue());
            return new Kept("ffmpeg could not rewrite it (" + last.substring(0, Math.min(last.length(), 160))
                    + "); it may be damaged or in a form "
                    + "Rounds cannot rewrite: export it again from the phone or camera and upload that copy.");
        }
        LOG.fine(() -> "video metadata removed in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return new Removed(target);
    }

    /** The copy read back: no metadata left, and as long as the video. */
    private static Outcome checked(Path video, String contentType, Path copy) throws IOException {
        List<String> left = VideoMetadataCheck.remaining(copy, contentType);
        if (!left.isEmpty()) {
            LOG.warning(() -> "a video rewritten by ffmpeg still carries " + left + ": kept as uploaded");
            return new Kept("after rewriting it still carried " + String.join(", ", left) + ".");
        }
        Long before = VideoInspector.inspect(video).durationMillis();
        Long after = VideoInspector.inspect(copy).durationMillis();
        if (before != null && after != null && after < before * 9 / 10) {
            return new Kept("the rewritten copy was shorter than the video (" + after / 1000 + " s of "
                    + before / 1000 + " s), so it was not used; the video may be damaged.");
        }
        return new Removed(copy);
    }

    private Kept notStarted(String why) {
        LOG.log(Level.WARNING, "cannot start ffmpeg (" + ffmpeg + "), video metadata is not removed: " + why);
        return new Kept("ffmpeg, which removes it, could not be started on the server (is it installed?); an "
                + "administrator can install it, then upload the video again.");
    }

    /**
     * An executable {@code command} as the {@code PATH} (a list of directories) finds it; a command with a slash is
     * taken as it is, if it is executable.
     */
    static Optional<Path> onPath(String command, String path) {
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        if (command.contains("/")) {
            Path given = Path.of(command);
            return Files.isRegularFile(given) && Files.isExecutable(given) ? Optional.of(given.toAbsolutePath())
                    : Optional.empty();
        }
        for (String directory : (path == null ? "" : path).split(":")) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** Kills ffmpeg (and anything it started) and waits briefly for it to go. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    static ProblemException busy() {
        return MediaStore.busy("Rounds is removing the hidden metadata of other videos at the moment; upload this one "
                + "again in a minute.", Duration.ofSeconds(60));
    }

    /** ffmpeg's messages: the first {@link #KEPT_OUTPUT} bytes kept, the rest read and dropped. */
    private static final class Output implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Output(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.max(0, Math.min(read, KEPT_OUTPUT - kept.size())));
                    }
                }
            } catch (IOException ignored) {
                // the process was killed: what was read is kept
            }
        }

        /** The messages, with our paths replaced by what they are. */
        String text(Path video, Path copy) {
            String text;
            synchronized (kept) {
                text = kept.toString(StandardCharsets.UTF_8);
            }
            return text.replace("file:" + video.toAbsolutePath(), "the video")
                    .replace("file:" + copy.toAbsolutePath(), "the copy")
                    .replace(video.toAbsolutePath().toString(), "the video")
                    .replace(copy.toAbsolutePath().toString(), "the copy");
        }
    }
}
