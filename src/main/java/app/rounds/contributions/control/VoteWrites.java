package app.rounds.contributions.control;

import app.rounds.contributions.control.QuestionViews.VoteView;
import app.rounds.contributions.control.VoteChanges.Ballot;
import app.rounds.contributions.control.VoteQueue.PendingVote;
import app.rounds.contributions.entity.IdempotentRequest;
import app.rounds.contributions.entity.Question;
import app.rounds.platform.control.DatabaseMigrations;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.SecretTokens;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Stores a batch of votes in one transaction: the earlier answers of their Idempotency-Keys in one query, the voters'
 * rows locked in one, the votes stored before and the counts in two, then one INSERT of the new votes, one DELETE per
 * question of those taken back and one INSERT of the keys' answers. Statements go straight to the transaction's
 * connection (JDBC): EclipseLink binds a native query's parameters in quadratic time, which hundreds would feel.
 */
@ApplicationScoped
public class VoteWrites {

    /** A vote's answer, or why it was refused; refused votes change nothing. */
    record Outcome(PendingVote vote, Idempotency.Answer answer, RuntimeException refusal) {

        static Outcome answered(PendingVote vote, Idempotency.Answer answer) {
            return new Outcome(vote, answer, null);
        }

        static Outcome refused(PendingVote vote, RuntimeException refusal) {
            return new Outcome(vote, null, refusal);
        }

        void deliver() {
            if (refusal != null) {
                vote.answer().completeExceptionally(refusal);
            } else {
                vote.answer().complete(answer);
            }
        }
    }

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
    public List<Outcome> write(List<PendingVote> votes) {
        // in a transaction the pool hands out its one connection again: EclipseLink's reads and these share it
        try (Connection db = dataSource.getConnection()) {
            Map<IdempotentRequest.Key, IdempotentRequest> earlier = earlierAnswers(db, votes);
            Map<IdempotentRequest.Key, Integer> firstWithKey = new HashMap<>();
            Map<String, Optional<Question>> questions = new HashMap<>();
            Outcome[] outcomes = new Outcome[votes.size()];
            List<Integer> accepted = new ArrayList<>();
            for (int i = 0; i < votes.size(); i++) {
                PendingVote vote = votes.get(i);
                IdempotentRequest.Key key = vote.idempotencyKey();
                if (key != null && earlier.containsKey(key)) {
                    outcomes[i] = answeredBefore(vote, () -> Idempotency.replayed(earlier.get(key), requestHash(vote)));
                    continue;
                }
                if (key != null && firstWithKey.putIfAbsent(key, i) != null) {
                    continue; // the same key twice in one batch: answered below as the first was
                }
                try {
                    // as before the batches: limited after the replay (a retry costs nothing), before the checks
                    limits.vote(vote.trainee().participant().id(), vote.address());
                    Questions.ensureOpen(vote.trainee());
                    Question question = questions.computeIfAbsent(vote.questionId(),
                            id -> Optional.ofNullable(em.find(Question.class, id))).orElse(null);
                    if (!Questions.votableIn(vote.trainee().session().id(), question)) {
                        throw ProblemException.notFound("question-not-found", "There is no such question on this board.");
                    }
                    accepted.add(i);
                } catch (ProblemException refusal) {
                    outcomes[i] = Outcome.refused(vote, refusal);
                }
            }
            if (!accepted.isEmpty()) {
                List<PendingVote> applied = accepted.stream().map(votes::get).toList();
                VoteChanges changes = changes(db, applied);
                List<Integer> keyed = new ArrayList<>();
                for (int i : accepted) {
                    PendingVote vote = votes.get(i);
                    VoteChanges.Result result = changes.apply(ballot(vote), vote.wanted());
                    outcomes[i] = Outcome.answered(vote, new Idempotency.Answer(200,
                            Idempotency.json(new VoteView(vote.questionId(), result.voted(), result.votes()))));
                    if (vote.idempotencyKey() != null) {
                        keyed.add(i);
                    }
                }
                store(db, changes);
                storeAnswers(db, keyed, outcomes);
                for (String questionId : changes.changedQuestions()) {
                    Question question = questions.get(questionId).orElseThrow();
                    votesChanged.fire(new VotesChanged(question.sessionId(), questionId));
                }
            }
            for (int i = 0; i < votes.size(); i++) {
                if (outcomes[i] == null) { // a copy of an earlier vote of this batch
                    outcomes[i] = asTheFirstCopy(votes.get(i), outcomes[firstWithKey.get(votes.get(i).idempotencyKey())]);
                }
            }
            return List.of(outcomes);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + votes.size() + " votes failed", e);
        }
    }

    /** A vote sent again with its key while the first copy was in the same batch: answered as a retry would be. */
    private Outcome asTheFirstCopy(PendingVote copy, Outcome first) {
        if (first.refusal() != null) {
            return Outcome.refused(copy, first.refusal());
        }
        PendingVote firstVote = first.vote();
        return answeredBefore(copy, () -> Idempotency.replayed(new IdempotentRequest(firstVote.trainee().participant()
                .id(), firstVote.key(), requestHash(firstVote), 200, first.answer().json(), clock.instant()),
                requestHash(copy)));
    }

    private static Outcome answeredBefore(PendingVote vote, Supplier<Idempotency.Answer> replay) {
        try {
            return Outcome.answered(vote, replay.get());
        } catch (ProblemException refusal) {
            return Outcome.refused(vote, refusal);
        }
    }

    static String requestHash(PendingVote vote) {
        return SecretTokens.hash("POST vote " + vote.questionId());
    }

    private static Ballot ballot(PendingVote vote) {
        return new Ballot(vote.questionId(), vote.trainee().participant().id());
    }

    private static Map<IdempotentRequest.Key, IdempotentRequest> earlierAnswers(Connection db, List<PendingVote> votes)
            throws SQLException {
        List<IdempotentRequest.Key> keys = votes.stream().map(PendingVote::idempotencyKey)
                .filter(Objects::nonNull).distinct().toList();
        Map<IdempotentRequest.Key, IdempotentRequest> earlier = new HashMap<>();
        if (keys.isEmpty()) {
            return earlier;
        }
        try (PreparedStatement select = db.prepareStatement("SELECT participant_id, idempotency_key, request_hash, "
                + "status, body, created_at FROM idempotent_request WHERE (participant_id, idempotency_key) IN ("
                + placeholders(keys.size(), "(?, ?)") + ")")) {
            int p = 1;
            for (IdempotentRequest.Key key : keys) {
                select.setString(p++, key.participantId());
                select.setString(p++, key.idempotencyKey());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    IdempotentRequest request = new IdempotentRequest(rows.getString(1), rows.getString(2),
                            rows.getString(3), rows.getInt(4), rows.getString(5), rows.getTimestamp(6).toInstant());
                    earlier.put(new IdempotentRequest.Key(rows.getString(1), rows.getString(2)), request);
                }
            }
        }
        return earlier;
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

    /** The answers of keyed votes, kept for their retries (a key stored meanwhile elsewhere fails the batch: retried). */
    private void storeAnswers(Connection db, List<Integer> keyed, Outcome[] outcomes) throws SQLException {
        if (keyed.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO idempotent_request (participant_id, "
                + "idempotency_key, request_hash, status, body, created_at) VALUES "
                + placeholders(keyed.size(), "(?, ?, ?, ?, ?, ?)"))) {
            Timestamp now = Timestamp.from(clock.instant());
            int p = 1;
            for (int i : keyed) {
                PendingVote vote = outcomes[i].vote();
                Idempotency.Answer answer = outcomes[i].answer();
                insert.setString(p++, vote.trainee().participant().id());
                insert.setString(p++, vote.key());
                insert.setString(p++, requestHash(vote));
                insert.setInt(p++, answer.status());
                insert.setString(p++, answer.json());
                insert.setTimestamp(p++, now);
            }
            insert.executeUpdate();
        }
    }

    static String placeholders(int count, String one) {
        return String.join(", ", Collections.nCopies(count, one));
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
