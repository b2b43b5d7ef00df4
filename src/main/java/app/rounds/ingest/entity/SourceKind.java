package app.rounds.ingest.entity;

/** The kinds of ingest source; their contributions show the origin of the same name. */
public enum SourceKind {
    MASTODON, BLUESKY, WEBHOOK, FEED;

    /** Whether Rounds fetches from it (a webhook source is pushed to). */
    public boolean polled() {
        return this != WEBHOOK;
    }
}
