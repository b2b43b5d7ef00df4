package app.rounds.contributions.control;

import app.rounds.contributions.control.BatchWriter.Outcome;
import app.rounds.contributions.entity.IdempotentRequest;
import app.rounds.platform.control.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Idempotency-Keys of a batch of trainees' requests ({@link BatchWriter}), on the batch transaction's connection:
 * a request whose key was answered before gets that answer (422 if the key came with another request), one in one
 * query for the whole batch; a copy of a keyed request of the same batch (a retry racing its original) is answered as
 * its first; the answers of the new keyed requests are stored in one statement, in the same transaction as what they
 * answer.
 */
final class KeyedBatch<P extends BatchWriter.Pending> {

    private final List<P> requests;
    private final Outcome<P>[] outcomes;
    private final Map<IdempotentRequest.Key, Integer> firstWithKey = new HashMap<>();
    private final List<Integer> fresh = new ArrayList<>();
    private final Instant now;

    @SuppressWarnings("unchecked")
    KeyedBatch(Connection db, List<P> requests, Instant now) throws SQLException {
        this.requests = requests;
        this.outcomes = new Outcome[requests.size()];
        this.now = now;
        Map<IdempotentRequest.Key, IdempotentRequest> earlier = earlierAnswers(db, requests);
        for (int i = 0; i < requests.size(); i++) {
            P request = requests.get(i);
            IdempotentRequest.Key key = request.idempotencyKey();
            if (key != null && earlier.containsKey(key)) {
                outcomes[i] = answeredBefore(request, () -> Idempotency.replayed(earlier.get(key), request.requestHash()));
            } else if (key == null || firstWithKey.putIfAbsent(key, i) == null) {
                fresh.add(i);
            } // else the same key twice in one batch: answered in finish() as the first was
        }
    }

    /**
     * What {@code check} makes of each request to store (neither answered before nor a copy), in the batch's order:
     * those it refuses with a {@link ProblemException} get that refusal and are left out.
     */
    <C> List<C> accepted(Check<P, C> check) {
        List<C> accepted = new ArrayList<>();
        for (int i : fresh) {
            try {
                accepted.add(check.apply(i, requests.get(i)));
            } catch (ProblemException refusal) {
                outcomes[i] = Outcome.refused(requests.get(i), refusal);
            }
        }
        return accepted;
    }

    /** A request's checks before it is stored: what it will store, or a {@link ProblemException}. */
    @FunctionalInterface
    interface Check<P, C> {
        C apply(int position, P request);
    }

    void answer(int position, Idempotency.Answer answer) {
        outcomes[position] = Outcome.answered(requests.get(position), answer);
    }

    /**
     * Stores the answers of the keyed requests answered (a key stored meanwhile by another instance fails the batch,
     * which is retried) and returns every request's outcome, copies answered as their first.
     */
    List<Outcome<P>> finish(Connection db) throws SQLException {
        List<Outcome<P>> keyed = fresh.stream().map(i -> outcomes[i])
                .filter(o -> o.answer() != null && o.pending().key() != null).toList();
        if (!keyed.isEmpty()) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO idempotent_request (participant_id, "
                    + "idempotency_key, request_hash, status, body, created_at) VALUES "
                    + placeholders(keyed.size(), "(?, ?, ?, ?, ?, ?)"))) {
                Timestamp at = Timestamp.from(now);
                int p = 1;
                for (Outcome<P> outcome : keyed) {
                    insert.setString(p++, outcome.pending().trainee().participant().id());
                    insert.setString(p++, outcome.pending().key());
                    insert.setString(p++, outcome.pending().requestHash());
                    insert.setInt(p++, outcome.answer().status());
                    insert.setString(p++, outcome.answer().json());
                    insert.setTimestamp(p++, at);
                }
                insert.executeUpdate();
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = asTheFirstCopy(requests.get(i), outcomes[firstWithKey.get(requests.get(i).idempotencyKey())]);
            }
        }
        return Arrays.asList(outcomes);
    }

    /** A request sent again with its key while the first copy was in the same batch: answered as a retry would be. */
    private Outcome<P> asTheFirstCopy(P copy, Outcome<P> first) {
        if (first.refusal() != null) {
            return Outcome.refused(copy, first.refusal());
        }
        P original = first.pending();
        return answeredBefore(copy, () -> Idempotency.replayed(new IdempotentRequest(original.trainee().participant()
                .id(), original.key(), original.requestHash(), first.answer().status(), first.answer().json(), now),
                copy.requestHash()));
    }

    private static <P extends BatchWriter.Pending> Outcome<P> answeredBefore(P request,
                                                                          Supplier<Idempotency.Answer> replay) {
        try {
            return Outcome.answered(request, replay.get());
        } catch (ProblemException refusal) {
            return Outcome.refused(request, refusal);
        }
    }

    private static Map<IdempotentRequest.Key, IdempotentRequest> earlierAnswers(
            Connection db, List<? extends BatchWriter.Pending> requests) throws SQLException {
        List<IdempotentRequest.Key> keys = requests.stream().map(BatchWriter.Pending::idempotencyKey)
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

    /** {@code count} copies of {@code one} ("?", "(?, ?)") separated by commas, for a statement's list of values. */
    static String placeholders(int count, String one) {
        return String.join(", ", Collections.nCopies(count, one));
    }
}
