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
 *
 * <p>A polled source never says that a post was deleted or edited, so the posts Rounds shows or may quote are asked
 * about again at their source (Mastodon's statuses API, Bluesky's getPosts), the most recently shown first, within
 * the rate budget the instance's polls leave, each source's due posts looked for apart (one with a great many overdue
 * delays only itself), and synchronously before a highlight quoting one goes ahead: what they find takes the same path
 * as a streamed delete or edit. An answer Rounds cannot read is an {@code IOException} like any failure of a source,
 * never a deletion: the post is asked about again later, and a quote of it cannot be confirmed. Some days after its
 * session ended a post is watched no more unless a highlight still quotes it: ingestion asks with a
 * {@code WatchEnding} event, which the highlights component answers, since highlights already call ingestion. New posts are claimed by key before anything is made of them,
 * so two sources racing on one post never collide; a source's last error goes with its next success. An author's
 * handle carries their instance's own domain, never the address Rounds reached the API by.
 *
 * <p>Sources are called only at public internet addresses ({@code PublicInternet}, from the IANA special-purpose
 * registries), checked when a source is added, before each request, and at the connection: the HTTP client's only way
 * out is a loopback CONNECT proxy ({@code PublicTunnels}) that resolves, checks and connects to the address it checked,
 * because {@code java.net.http.HttpClient} takes no resolver and a DNS answer may change between a check and a connect.
 */
package app.rounds.ingest;
