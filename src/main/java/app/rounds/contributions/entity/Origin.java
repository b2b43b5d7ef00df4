package app.rounds.contributions.entity;

/** Where a contribution came from: the web page, or a post taken from a network by a session's ingest source. */
public enum Origin {
    WEB, MASTODON, BLUESKY, WEBHOOK, FEED
}
