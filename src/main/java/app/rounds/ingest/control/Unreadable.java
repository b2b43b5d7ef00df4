package app.rounds.ingest.control;

import java.io.IOException;

/**
 * A source answered, but with something Rounds cannot read: not JSON, or JSON without what its API documents (a
 * status without its {@code uri}, a {@code getPosts} answer without its {@code posts}). Never taken to mean that a post
 * was deleted: the post is put off and asked about again, and a highlight quoting it cannot be confirmed (503).
 */
public class Unreadable extends IOException {

    public Unreadable(String what) {
        super(what);
    }

    public Unreadable(String what, Throwable cause) {
        super(what + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"), cause);
    }
}
