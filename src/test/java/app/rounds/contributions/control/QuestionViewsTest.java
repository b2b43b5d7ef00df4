package app.rounds.contributions.control;

import app.rounds.contributions.entity.Question;
import app.rounds.contributions.entity.QuestionStatus;
import app.rounds.contributions.entity.ScreeningRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuestionViewsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static List<String> components(Class<? extends Record> view) {
        return Arrays.stream(view.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toList());
    }

    @Test
    void thePublicBoardShowsNeitherAuthorNorStatusNorScreening() {
        assertEquals(List.of("id", "text", "votes", "answered", "pinned", "createdAt"),
                components(QuestionViews.PublicQuestion.class));
        Question question = new Question("s1", "p1", "Ana", "Why?", ScreeningRecord.clean(), false, NOW);
        question.pin(true, NOW);
        assertEquals(new QuestionViews.PublicQuestion(question.id(), "Why?", 0, false, true, NOW),
                QuestionViews.publicView(question));
    }

    @Test
    void itsAuthorSeesWhereTheirQuestionStandsButNotWhyItWasHeld() {
        assertEquals(List.of("id", "text", "status", "onBoard", "answered", "votes", "createdAt"),
                components(QuestionViews.OwnQuestion.class));
        Question held = new Question("s1", "p1", "Ana", "Ana in bed 4?", new ScreeningRecord("[{}]", null), false,
                NOW);
        assertEquals(QuestionStatus.PENDING, QuestionViews.own(held).status());
        assertEquals(false, QuestionViews.own(held).onBoard());
    }

    @Test
    void itsAuthorSeesWhetherAnApprovedQuestionIsOnTheBoardNowWithoutBeingToldItWasArchived() {
        Question question = new Question("s1", "p1", "Ana", "Why?", ScreeningRecord.clean(), false, NOW);
        assertEquals(true, QuestionViews.own(question).onBoard());
        question.archive(true, NOW);
        assertEquals(QuestionStatus.APPROVED, QuestionViews.own(question).status());
        assertEquals(false, QuestionViews.own(question).onBoard());
    }
}
