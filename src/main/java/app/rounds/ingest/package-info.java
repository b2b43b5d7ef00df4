/**
 * Hashtag ingestion: trainees' posts on Mastodon, Bluesky, other relays (signed webhooks) and feeds become
 * contributions waiting in the session's moderation queue.
 *
 * <p>Decisions: a post is one contribution per session whatever source or instance it came through, keyed by its
 * canonical URI ({@code ingested_post}). A source's cursor is saved in the transaction that stores the contributions it
 * covers, so a crash in the middle of a batch repeats the batch, and the URI key makes the repeat change nothing.
 * Each source polls on its own schedule with timeouts on every call and exponential back-off with jitter, so a slow or
 * failing source delays only itself. Credentials (access tokens, app passwords, webhook secrets) are stored encrypted
 * under a key from the environment.
 */
package app.rounds.ingest;
