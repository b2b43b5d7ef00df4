package app.rounds.contributions.control;

import app.rounds.contributions.entity.Origin;
import app.rounds.contributions.entity.Question;
import app.rounds.contributions.entity.QuestionStatus;

import java.time.Instant;
import java.util.List;

/** How a question is shown: to everyone (public board), to moderators, and to the trainee who asked it. */
public final class QuestionViews {

    /** On the public board: no author, no status (every question there is approved). */
    public record PublicQuestion(String id, String text, int votes, boolean answered, boolean pinned,
                                 Instant createdAt) {
    }

    /** For the session's staff: everything, with screening findings and where a post came from. */
    public record ModeratedQuestion(String id, String text, String authorName, Origin origin, String authorHandle,
                                    String originalUrl, QuestionStatus status, boolean answered,
                                    boolean pinned, boolean archived, int votes, Instant createdAt, Instant updatedAt,
                                    List<Findings.Shown> screening, List<Findings.Shown> screeningNotes) {
    }

    /** For its author: where it stands ({@code onBoard}: shown on the public board now), but not why it was held. */
    public record OwnQuestion(String id, String text, QuestionStatus status, boolean onBoard, boolean answered,
                              int votes, Instant createdAt) {
    }

    /** The questions a participant votes for, so that any of their tabs shows their votes as the server has them. */
    public record OwnVotes(List<String> questionIds) {
    }

    /** The answer to a vote: whether the participant now votes for the question, and its count. */
    public record VoteView(String questionId, boolean voted, int votes) {
    }

    /** On the public board, a question that left it. */
    public record Removed(String id) {
    }

    private QuestionViews() {
    }

    public static PublicQuestion publicView(Question q) {
        return new PublicQuestion(q.id(), q.text(), q.votes(), q.answered(), q.pinned(), q.createdAt());
    }

    public static ModeratedQuestion moderated(Question q) {
        return new ModeratedQuestion(q.id(), q.text(), q.authorName(), q.provenance().origin(),
                q.provenance().authorHandle(), q.provenance().originalUrl(), q.status(), q.answered(), q.pinned(),
                q.archived(), q.votes(), q.createdAt(), q.updatedAt(), Findings.read(q.screening().findings()),
                Findings.read(q.screening().notes()));
    }

    public static OwnQuestion own(Question q) {
        return new OwnQuestion(q.id(), q.text(), q.status(), q.visible(), q.answered(), q.votes(), q.createdAt());
    }
}
