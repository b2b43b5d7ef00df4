package app.rounds.ingest.control;

import java.time.Instant;
import java.util.List;

/**
 * One call's worth from a polled source: posts (new or edited), deleted originals, the cursor after them, whether more
 * is waiting right away, when the source allows the next call (null: the usual interval), and the validators for the
 * next conditional GET (a feed's ETag and Last-Modified; null: unchanged).
 */
public record SourcePage(List<SocialPost> posts, List<String> deletedUris, String cursor, boolean more,
                         Instant notBefore, String etag, String lastModified) {

    public SourcePage(List<SocialPost> posts, List<String> deletedUris, String cursor, boolean more, Instant notBefore) {
        this(posts, deletedUris, cursor, more, notBefore, null, null);
    }
}
