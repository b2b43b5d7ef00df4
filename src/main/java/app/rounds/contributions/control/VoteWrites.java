package app.rounds.contributions.control;

import app.rounds.contributions.control.BatchWriter.Outcome;
import app.rounds.contributions.control.QuestionViews.VoteView;
import app.rounds.contributions.control.VoteChanges.Ballot;
import app.rounds.contributions.control.VoteQueue.PendingVote;
import app.rounds.contributions.entity.Question;
import app.rounds.platform.control.DatabaseMigrations;
import app.rounds.platform.control.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static app.rounds.contributions.control.KeyedBatch.placeholders;

/**
 * Stores a batch of votes in one transaction: the earlier answers of their Idempotency-Keys in one query
 * ({@link KeyedBatch}), the voters' rows locked in one, the votes stored before and the counts in two, then one INSERT
 * of the new votes, one DELETE per question of those taken back and one INSERT of the keys' answers. Statements go
 * straight to the transaction's connection (JDBC): EclipseLink binds a native query's parameters in quadratic time,
 * which hundreds would feel.
 */
@ApplicationScoped
public class VoteWrites {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    @Inject
    PostingLimits limits;

    @Inject
    Event<VotesChanged> votesChanged;

    @Inject
    Clock clock;

    /** Each vote's outcome, in the batch's order; the answers hold only once this transaction has committed. */
    @Transactional
    public List<Outcome<PendingVote>> write(List<PendingVote> votes) {
        // in a transaction the pool hands out its one connection again: EclipseLink's reads and these share it
        try (Connection db = dataSource.getConnection()) {
            KeyedBatch<PendingVote> batch = new KeyedBatch<>(db, votes, clock.instant());
            Map<String, Optional<Question>> questions = new HashMap<>();
            List<Integer> accepted = batch.accepted((i, vote) -> {
                // as before the batches: limited after the replay (a retry costs nothing), before the checks
                limits.vote(vote.trainee().participant().id(), vote.address());
                Questions.ensureOpen(vote.trainee());
                Question question = questions.computeIfAbsent(vote.questionId(),
                        id -> Optional.ofNullable(em.find(Question.class, id))).orElse(null);
                if (!Questions.votableIn(vote.trainee().session().id(), question)) {
                    throw ProblemException.notFound("question-not-found", "There is no such question on this board.");
                }
                return i;
            });
            if (accepted.isEmpty()) {
                return batch.finish(db);
            }
            VoteChanges changes = changes(db, accepted.stream().map(votes::get).toList());
            for (int i : accepted) {
                PendingVote vote = votes.get(i);
                VoteChanges.Result result = changes.apply(ballot(vote), vote.wanted());
                batch.answer(i, new Idempotency.Answer(200,
                        Idempotency.json(new VoteView(vote.questionId(), result.voted(), result.votes()))));
            }
            store(db, changes);
            List<Outcome<PendingVote>> outcomes = batch.finish(db);
            for (String questionId : changes.changedQuestions()) {
                Question question = questions.get(questionId).orElseThrow();
                votesChanged.fire(new VotesChanged(question.sessionId(), questionId));
            }
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + votes.size() + " votes failed", e);
        }
    }

    private static Ballot ballot(PendingVote vote) {
        return new Ballot(vote.questionId(), vote.trainee().participant().id());
    }

    /**
     * The voters' rows locked (a participant's votes one batch after another: on several instances, two batches
     * with the same voter would otherwise both read the vote as absent), then their stored votes and the counts.
     */
    private static VoteChanges changes(Connection db, List<PendingVote> votes) throws SQLException {
        Set<String> participants = votes.stream().map(v -> v.trainee().participant().id())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> questionIds = votes.stream().map(PendingVote::questionId).collect(Collectors.toCollection(TreeSet::new));
        try (PreparedStatement lock = db.prepareStatement("SELECT id FROM participant WHERE id IN ("
                + placeholders(participants.size(), "?") + ") FOR UPDATE")) {
            bind(lock, 1, participants);
            lock.executeQuery().close();
        }
        Set<Ballot> stored = new HashSet<>();
        try (PreparedStatement select = db.prepareStatement("SELECT question_id, participant_id FROM question_vote "
                + "WHERE question_id IN (" + placeholders(questionIds.size(), "?") + ") AND participant_id IN ("
                + placeholders(participants.size(), "?") + ")")) {
            bind(select, bind(select, 1, questionIds), participants);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(new Ballot(rows.getString(1), rows.getString(2)));
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement count = db.prepareStatement("SELECT question_id, COUNT(*) FROM question_vote "
                + "WHERE question_id IN (" + placeholders(questionIds.size(), "?") + ") GROUP BY question_id")) {
            bind(count, 1, questionIds);
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return new VoteChanges(stored, counts);
    }

    private void store(Connection db, VoteChanges changes) throws SQLException {
        Set<Ballot> added = changes.added();
        if (!added.isEmpty()) {
            // IGNORE: a vote stored meanwhile by a voter's batch on another instance stays one vote
            try (PreparedStatement insert = db.prepareStatement("INSERT IGNORE INTO question_vote (question_id, "
                    + "participant_id, created_at) VALUES " + placeholders(added.size(), "(?, ?, ?)"))) {
                Timestamp now = Timestamp.from(clock.instant());
                int p = 1;
                for (Ballot ballot : added) {
                    insert.setString(p++, ballot.questionId());
                    insert.setString(p++, ballot.participantId());
                    insert.setTimestamp(p++, now);
                }
                insert.executeUpdate();
            }
        }
        // only rows seen stored under the voters' locks: deleting a missing row would lock its gap
        Map<String, List<String>> removedByQuestion = changes.removed().stream().collect(Collectors.groupingBy(
                Ballot::questionId, Collectors.mapping(Ballot::participantId, Collectors.toList())));
        for (Map.Entry<String, List<String>> removed : removedByQuestion.entrySet()) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM question_vote WHERE question_id = ? "
                    + "AND participant_id IN (" + placeholders(removed.getValue().size(), "?") + ")")) {
                delete.setString(1, removed.getKey());
                bind(delete, 2, removed.getValue());
                delete.executeUpdate();
            }
        }
    }

    /** Binds {@code values} from parameter {@code first} on; the next free parameter. */
    private static int bind(PreparedStatement statement, int first, Collection<String> values) throws SQLException {
        int p = first;
        for (String value : values) {
            statement.setString(p++, value);
        }
        return p;
    }
}
