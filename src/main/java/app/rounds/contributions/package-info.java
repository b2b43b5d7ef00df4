/**
 * What trainees contribute to a session: questions (moderated, voted on) and feedback (a 1–5 rating and an optional
 * comment, for the session's staff only). Every change is published to the session's board in the same transaction.
 *
 * <p>Decisions: every text is screened first; a flagged question is held PENDING whatever the session's moderation
 * mode, its findings shown to moderators only. Moderation: PENDING → APPROVED | REJECTED, APPROVED ⇄ HIDDEN, and
 * REJECTED → PENDING to undo a reject; answered, pinned and archived are flags that can be set and unset. A trainee
 * may withdraw their own question (only theirs) from any state: WITHDRAWN is final, as for a post deleted at its
 * source. One vote per participant and question, set or toggled; the count is kept on the question and broadcast coalesced. A POST with an
 * {@code Idempotency-Key} is answered once: retries get the stored first answer, another body with the same key 422.
 * Posting and voting are rate-limited per participant and per client address.
 */
package app.rounds.contributions;
