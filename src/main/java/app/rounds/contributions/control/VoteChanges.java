package app.rounds.contributions.control;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a batch of votes does, taken in the order they came: from the votes stored before the batch and each
 * question's count then, the answer to each vote (whether the participant now votes for the question, and the count
 * with every earlier vote of the batch in it) and what the batch changes in all. A participant who taps twice in one
 * batch gets two answers and leaves the row as it was.
 */
final class VoteChanges {

    /** One participant's vote on one question. */
    record Ballot(String questionId, String participantId) {
    }

    /** Whether the participant now votes for the question, and the question's count with this vote in it. */
    record Result(boolean voted, int votes) {
    }

    private final Set<Ballot> stored;
    private final Set<Ballot> now;
    private final Map<String, Integer> counts;

    /** {@code counts}: each question's stored votes, for every question the batch votes on. */
    VoteChanges(Set<Ballot> stored, Map<String, Integer> counts) {
        this.stored = Set.copyOf(stored);
        this.now = new HashSet<>(stored);
        this.counts = new HashMap<>(counts);
    }

    /** A vote given ({@code wanted} true), taken back (false) or toggled ({@code wanted} null). */
    Result apply(Ballot ballot, Boolean wanted) {
        boolean votes = wanted != null ? wanted : !now.contains(ballot);
        boolean changed = votes ? now.add(ballot) : now.remove(ballot);
        int count = counts.getOrDefault(ballot.questionId(), 0);
        if (changed) {
            count += votes ? 1 : -1;
            counts.put(ballot.questionId(), count);
        }
        return new Result(votes, count);
    }

    /** The votes to insert: given in the batch and not stored before it. */
    Set<Ballot> added() {
        Set<Ballot> added = new HashSet<>(now);
        added.removeAll(stored);
        return added;
    }

    /** The votes to delete: stored before the batch and taken back in it. */
    Set<Ballot> removed() {
        Set<Ballot> removed = new HashSet<>(stored);
        removed.removeAll(now);
        return removed;
    }

    /** The questions whose votes the batch changed, to be counted again. */
    Set<String> changedQuestions() {
        Set<String> changed = new TreeSet<>();
        added().forEach(b -> changed.add(b.questionId()));
        removed().forEach(b -> changed.add(b.questionId()));
        return changed;
    }
}
