package app.rounds.media.control;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeMediaDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4MediaDirectory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A video's duration and frame size, read from its container (MP4 and QuickTime, by metadata-extractor); unknown for
 * WebM. Its metadata is removed by {@link VideoMetadataRemover}.
 */
public final class VideoInspector {

    public record Inspected(Integer width, Integer height, Long durationMillis) {
    }

    private VideoInspector() {
    }

    public static Inspected inspect(Path video) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(video.toFile());
            Long duration = null;
            Integer width = null;
            Integer height = null;
            for (Directory directory : metadata.getDirectories()) {
                // the track directories extend the movie's: ask about them first
                if (directory instanceof Mp4VideoDirectory || directory instanceof QuickTimeVideoDirectory) {
                    int widthTag = directory instanceof Mp4VideoDirectory ? Mp4VideoDirectory.TAG_WIDTH
                            : QuickTimeVideoDirectory.TAG_WIDTH;
                    int heightTag = directory instanceof Mp4VideoDirectory ? Mp4VideoDirectory.TAG_HEIGHT
                            : QuickTimeVideoDirectory.TAG_HEIGHT;
                    if (width == null) {
                        width = directory.getInteger(widthTag);
                        height = directory.getInteger(heightTag);
                    }
                } else if (directory instanceof Mp4MediaDirectory || directory instanceof QuickTimeMediaDirectory) {
                    continue; // sound and other tracks
                } else if (directory instanceof Mp4Directory || directory instanceof QuickTimeDirectory) {
                    int tag = directory instanceof Mp4Directory ? Mp4Directory.TAG_DURATION_SECONDS
                            : QuickTimeDirectory.TAG_DURATION_SECONDS;
                    Rational seconds = directory.getRational(tag);
                    if (seconds != null) {
                        duration = Math.round(seconds.doubleValue() * 1000);
                    }
                }
            }
            return new Inspected(width, height, duration);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return new Inspected(null, null, null);
        }
    }
}
