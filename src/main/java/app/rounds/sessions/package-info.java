/**
 * Training sessions and the trainees who join them. A presenter or communicator schedules a session (title,
 * facility, times, hashtag, moderation mode), starts it and ends it: SCHEDULED → LIVE → ENDED, never back from
 * ENDED. Trainees join with the session's join code and get a pseudonymous participant token.
 *
 * <p>Decisions: join codes are 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn from
 * {@link java.security.SecureRandom}: about 40 bits, and wrong codes are rate-limited per address. Hashtags are
 * compared case-insensitively and are unique among sessions not yet ended, enforced by a unique index on a generated
 * column so that two concurrent requests cannot both win. Participant tokens are stored only as SHA-256 hashes.
 * A session has a team: its owner (or an admin) adds staff as co-presenters (the board: moderation, sources, going
 * live and ending) or communicators (media and highlights). Who may use which part of a session is one policy,
 * {@link app.rounds.sessions.control.SessionAccess}, asked through {@link app.rounds.sessions.control.SessionStaff} by
 * every resource, the board's WebSocket handshake and heartbeat, and the pages ({@code GET /api/sessions/{id}/access}).
 * It is read fresh on each call (no cache): a removal counts from the next request, and the board closes the removed
 * member's open moderation streams when the change commits. Team changes are audited.
 */
package app.rounds.sessions;
