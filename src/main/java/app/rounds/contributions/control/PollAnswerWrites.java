package app.rounds.contributions.control;

import app.rounds.contributions.control.BatchWriter.Outcome;
import app.rounds.contributions.control.PollAnswerQueue.PendingAnswer;
import app.rounds.contributions.control.PollRules.CheckedAnswer;
import app.rounds.contributions.control.PollViews.OwnAnswer;
import app.rounds.contributions.entity.Poll;
import app.rounds.contributions.entity.PollAnswer;
import app.rounds.platform.control.DatabaseMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.rounds.contributions.control.KeyedBatch.placeholders;

/**
 * Stores a batch of answers to polls with choices or a rating in one transaction: the earlier answers of their
 * Idempotency-Keys in one query ({@link KeyedBatch}), each poll read once with its row locked (a poll closed meanwhile
 * waits for this batch, or this batch sees it closed), one INSERT of every answer (a participant's earlier answer
 * replaced; two of theirs in one batch, the later wins), one INSERT of the keys' answers.
 */
@ApplicationScoped
public class PollAnswerWrites {

    /** An answer that passed the checks, with the poll it answers. */
    private record Checked(int position, Poll poll, CheckedAnswer answer) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    @Inject
    PostingLimits limits;

    @Inject
    Event<PollAnswered> answered;

    @Inject
    Clock clock;

    /** Each answer's outcome, in the batch's order; the answers hold only once this transaction has committed. */
    @Transactional
    public List<Outcome<PendingAnswer>> write(List<PendingAnswer> answers) {
        // in a transaction the pool hands out its one connection again: EclipseLink's reads and these share it
        try (Connection db = dataSource.getConnection()) {
            KeyedBatch<PendingAnswer> batch = new KeyedBatch<>(db, answers, clock.instant());
            Map<String, Optional<Poll>> polls = new HashMap<>();
            List<Checked> accepted = batch.accepted((i, answer) -> {
                // as one at a time: limited after the replay (a retry costs nothing), before the checks
                limits.vote(answer.trainee().participant().id(), answer.address());
                Questions.ensureOpen(answer.trainee());
                Poll poll = polls.computeIfAbsent(answer.pollId(), id -> Optional.ofNullable(
                        em.find(Poll.class, id, LockModeType.PESSIMISTIC_READ))).orElse(null);
                Polls.ensureAccepting(poll, answer.trainee(), answer.at());
                return new Checked(i, poll, PollRules.checked(poll, answer.given()));
            });
            if (accepted.isEmpty()) {
                return batch.finish(db);
            }
            store(db, answers, accepted);
            Map<String, Poll> answeredPolls = new LinkedHashMap<>();
            for (Checked checked : accepted) {
                PendingAnswer answer = answers.get(checked.position());
                Poll poll = checked.poll();
                batch.answer(checked.position(), new Idempotency.Answer(200, Idempotency.json(new OwnAnswer(poll.id(),
                        poll.kind().chooses() ? checked.answer().choices() : null, checked.answer().rating(), null,
                        null, null, answer.at()))));
                answeredPolls.put(poll.id(), poll);
            }
            List<Outcome<PendingAnswer>> outcomes = batch.finish(db);
            answeredPolls.values().forEach(poll -> answered.fire(new PollAnswered(poll.sessionId(), poll.id())));
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + answers.size() + " poll answers failed", e);
        }
    }

    private static void store(Connection db, List<PendingAnswer> answers, List<Checked> accepted) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO poll_answer (poll_id, participant_id, "
                + "choices, rating, points, answered_at) VALUES " + placeholders(accepted.size(), "(?, ?, ?, ?, ?, ?)")
                + " ON DUPLICATE KEY UPDATE choices = VALUES(choices), rating = VALUES(rating), "
                + "points = VALUES(points), answered_at = VALUES(answered_at)")) {
            int p = 1;
            for (Checked checked : accepted) {
                PendingAnswer answer = answers.get(checked.position());
                insert.setString(p++, checked.poll().id());
                insert.setString(p++, answer.trainee().participant().id());
                insert.setString(p++, PollAnswer.storedChoices(checked.answer().choices()));
                if (checked.answer().rating() == null) {
                    insert.setNull(p++, Types.INTEGER);
                } else {
                    insert.setInt(p++, checked.answer().rating());
                }
                insert.setInt(p++, PollRules.points(checked.poll(), checked.answer().choices(), answer.at()));
                insert.setTimestamp(p++, Timestamp.from(answer.at()));
            }
            insert.executeUpdate();
        }
    }
}
