/**
 * Highlights: stories made from a session for the public, curated by communicators, approved by compliance
 * reviewers, published as server-rendered pages, Atom and JSON Feed entries, oEmbed and an embeddable version.
 *
 * <p>Decisions: a highlight's rendition (the exact HTML the public sees) is built from its working copy and the live
 * state of what it shows: a quote's words come from the contribution, the name shown only when the trainee chose one
 * and agreed, a network post's author only with their permission on record (else a paraphrase, never attributed), a
 * picture's alt text and consent from the media library. Its SHA-256 is what a reviewer approves; a publication is a
 * copy of the approved rendition, so the public never sees anything no one approved, and an edit waits for review
 * while the approved version stays up. The screener runs over every shown text at submission; a finding blocks it
 * until the text changes or the author writes a reason the reviewer sees. Authors never review their own work. A
 * consent withdrawal takes every publication showing the picture down in the withdrawal's transaction (410 Gone,
 * out of the index and feeds, the picture's public URL dead). Only pictures of live publications have public URLs.
 * Quotes of Mastodon and Bluesky posts are confirmed at their source before a highlight is submitted, approved and
 * published; a post deleted or edited there refuses the step (409), a source that cannot confirm it too (503). While
 * a highlight (or a live publication) quotes such a post, ingestion keeps watching it at its source after the session
 * ended: it asks with a {@code WatchEnding} event that this component answers.
 * Public answers carry ETags and {@code Cache-Control: public, no-cache}, so caches revalidate and a takedown shows at
 * once.
 */
package app.rounds.highlights;
