/**
 * Reports: what a session achieved, for its team and admins, live while it runs and final once it ended.
 *
 * <p>Decisions: a report is computed from what Rounds already records (participants, questions and their audited
 * moderation, votes, poll answers, feedback, ingested posts), with aggregate queries, never stored: it is as current
 * as the records and needs no second truth. The one thing recorded for it alone is how many board connections each
 * instance held, sampled and kept as the most per minute ({@code board_viewers}), for viewers over time and their
 * peak. A report holds no question or comment of a trainee, only counts and a word cloud's most entered words, so it
 * may go to everyone on the session's team. The engagement rate is the share of joined participants who did at least one thing: asked,
 * voted, answered a poll or gave feedback (docs/REPORTS.md).
 */
package app.rounds.reports;
