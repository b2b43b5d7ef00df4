package app.rounds.media.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.Sha256;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files by content: {@code ROUNDS_MEDIA_DIR/ab/abcdef…} named by their SHA-256. New bytes go to {@code tmp/} first,
 * are synced, and are moved into place atomically: a reader never sees half a file, and the same bytes twice are one
 * file.
 */
@ApplicationScoped
public class MediaStore {

    /** An upload or a derived file waiting in {@code tmp/}: delete it unless it was placed. */
    public record Received(Path file, String sha256, long size) {
    }

    @Inject
    @ConfigProperty(name = "rounds.media.dir")
    String configuredDir;

    private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{64}");
    private static final String REUSED = ".reused";
    private static final Pattern REUSE_MARKER = Pattern.compile("[0-9a-f]{64}" + Pattern.quote(REUSED));
    /** Stored files sit in folders named by the first two characters of their hash. */
    private static final Pattern STORED_FOLDER = Pattern.compile("[0-9a-f]{2}");
    private static final Duration REUSE_GUARD = Duration.ofMinutes(1);

    private Path root;
    private Path tmp;

    @PostConstruct
    void createFolders() {
        root = Path.of(configuredDir).toAbsolutePath();
        tmp = root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folder " + root, e);
        }
    }

    /**
     * Streams {@code in} to a temporary file while hashing it, refusing (413) as soon as it passes {@code maxBytes}:
     * a large video never sits in memory, and an interrupted or refused upload leaves nothing behind.
     */
    public Received receive(InputStream in, long maxBytes) throws IOException {
        Path file = tmp.resolve(UUID.randomUUID() + ".part");
        MessageDigest sha256 = Sha256.digest();
        long size = 0;
        boolean complete = false;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                size += read;
                if (size > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return new Received(file, HexFormat.of().formatHex(sha256.digest()), size);
    }

    /** A temporary file for something derived (a re-encoded photo, a thumbnail), to fill and then {@link #hash}. */
    public Path temporary(String suffix) {
        return tmp.resolve(UUID.randomUUID() + suffix);
    }

    public Received hash(Path file) throws IOException {
        MessageDigest sha256 = Sha256.digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, read);
            }
        }
        return new Received(file, HexFormat.of().formatHex(sha256.digest()), Files.size(file));
    }

    /** Syncs the temporary file and moves it to its place; if the same bytes are there already, drops it. */
    public Path place(Received received) throws IOException {
        Path target = path(received.sha256());
        if (Files.exists(target)) {
            // the same bytes again: a removal committing right now, on any instance (they share the folder), must not
            // delete what this upload will record; the marker beside the file says so until the upload has recorded it
            Files.write(target.resolveSibling(target.getFileName() + REUSED), new byte[0]);
        }
        try (FileChannel channel = FileChannel.open(received.file(), StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(received.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.exists(target)) {
                throw e;
            }
            Files.deleteIfExists(received.file());
        }
        return target;
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Temporary files last written before {@code before}: uploads that a crash or a cut connection left behind. */
    public List<Path> temporaryBefore(Instant before) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(file -> writtenBefore(file, before)).toList();
        }
    }

    /**
     * The hashes of the stored files last written before {@code before}. Only the folders of stored files are read
     * (never the uploads' temporary folder), and a file or folder that goes while they are read is not there: uploads
     * and removals go on during a sweep.
     */
    public List<String> storedBefore(Instant before) throws IOException {
        return inStoredFolders(STORED_NAME, before).stream().map(file -> file.getFileName().toString()).toList();
    }

    /** Markers of re-placed files last written before {@code before}: uploads a crash stopped before they recorded. */
    public List<Path> reuseMarkersBefore(Instant before) throws IOException {
        return inStoredFolders(REUSE_MARKER, before);
    }

    private List<Path> inStoredFolders(Pattern names, Instant before) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root,
                folder -> STORED_FOLDER.matcher(folder.getFileName().toString()).matches())) {
            for (Path folder : folders) {
                String prefix = folder.getFileName().toString();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (names.matcher(name).matches() && name.startsWith(prefix) && writtenBefore(file, before)) {
                            found.add(file);
                        }
                    }
                } catch (NoSuchFileException | NotDirectoryException gone) {
                    // removed meanwhile, or not a folder of ours: nothing stored there
                }
            }
        }
        return found;
    }

    private static boolean writtenBefore(Path file, Instant before) {
        try {
            return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException gone) {
            return false;
        }
    }

    /** The upload that placed these files recorded them: they need no guard any more. */
    public void settled(List<String> sha256s) {
        discard(sha256s.stream().map(this::reuseMarker).toList());
    }

    /**
     * Deletes stored files, but for those an upload placed again and has not recorded yet (for a minute at most):
     * it is about to (the periodic sweep takes them if it never does).
     */
    public void delete(List<String> sha256s) {
        Instant recent = Instant.now().minus(REUSE_GUARD);
        discard(sha256s.stream().filter(sha -> {
            Path marker = reuseMarker(sha);
            return !Files.exists(marker) || writtenBefore(marker, recent);
        }).map(this::path).toList());
    }

    private Path reuseMarker(String sha256) {
        Path file = path(sha256);
        return file.resolveSibling(file.getFileName() + REUSED);
    }

    /** Deletes temporary files quietly (on the way out of a failed upload). */
    public void discard(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover in tmp/ harms nothing
            }
        }
    }

    /** 503 {@code media-busy}: what the upload waited for did not come in time; nothing was stored. */
    static ProblemException busy(String detail, Duration retryAfter) {
        return new ProblemException(ProblemException.Kind.UNAVAILABLE, "media-busy", "Busy with other media", detail,
                List.of(), retryAfter);
    }

    static ProblemException tooLarge(long maxBytes) {
        return tooLarge("This file is larger than the " + (maxBytes / 1024 / 1024) + " MB allowed for it.");
    }

    static ProblemException tooLarge(String detail) {
        return new ProblemException(ProblemException.Kind.PAYLOAD_TOO_LARGE, "media-too-large", "File too large",
                detail, List.of(), null);
    }
}
