package app.rounds.ingest.control;

import java.time.Instant;

/**
 * A post as a source delivered it, already reduced to plain text. {@code uri} is its canonical identity (a Mastodon
 * status {@code uri}, the same through every instance; an {@code at://} URI; a relay's post id), {@code url} the page a
 * person can open, {@code localId} the id the source itself gives it where that differs (a Mastodon instance's status
 * id, which its streaming API's delete events name and its statuses API answers to), else null. {@code editedAt}: when
 * the source says it was last edited (Mastodon's {@code edited_at}), else null.
 */
public record SocialPost(String uri, String url, String authorHandle, String text, Instant createdAt, String localId,
                         Instant editedAt) {

    public SocialPost(String uri, String url, String authorHandle, String text, Instant createdAt) {
        this(uri, url, authorHandle, text, createdAt, null, null);
    }

    public SocialPost(String uri, String url, String authorHandle, String text, Instant createdAt, String localId) {
        this(uri, url, authorHandle, text, createdAt, localId, null);
    }
}
