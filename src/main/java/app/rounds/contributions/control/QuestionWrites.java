package app.rounds.contributions.control;

import app.rounds.contributions.control.BatchWriter.Outcome;
import app.rounds.contributions.control.QuestionQueue.PendingQuestion;
import app.rounds.contributions.control.QuestionViews.OwnQuestion;
import app.rounds.platform.control.DatabaseMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a batch of trainees' questions in one transaction: the earlier answers of their Idempotency-Keys in one query
 * ({@link KeyedBatch}), each question limited and checked as if alone, the questions and their board events
 * ({@link Questions#ask}, one block of sequence numbers a stream), one INSERT of the keys' answers.
 */
@ApplicationScoped
public class QuestionWrites {

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    @Inject
    Questions questions;

    @Inject
    PostingLimits limits;

    @Inject
    Clock clock;

    /** Each question's outcome, in the batch's order; the questions hold only once this transaction has committed. */
    @Transactional
    public List<Outcome<PendingQuestion>> write(List<PendingQuestion> asked) {
        // in a transaction the pool hands out its one connection again: EclipseLink's writes and these share it
        try (Connection db = dataSource.getConnection()) {
            KeyedBatch<PendingQuestion> batch = new KeyedBatch<>(db, asked, clock.instant());
            List<Integer> accepted = batch.accepted((i, question) -> {
                // as one at a time: limited after the replay (a retry costs nothing), before the checks
                limits.post(question.trainee().participant().id(), question.address());
                Questions.ensureOpen(question.trainee());
                return i;
            });
            if (!accepted.isEmpty()) {
                List<Questions.Asked> toStore = new ArrayList<>();
                for (int i : accepted) {
                    PendingQuestion question = asked.get(i);
                    toStore.add(new Questions.Asked(question.trainee(), question.text().strip(), question.findings()));
                }
                List<OwnQuestion> stored = questions.ask(toStore);
                for (int n = 0; n < accepted.size(); n++) {
                    batch.answer(accepted.get(n), new Idempotency.Answer(201, Idempotency.json(stored.get(n))));
                }
            }
            return batch.finish(db);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + asked.size() + " questions failed", e);
        }
    }
}
