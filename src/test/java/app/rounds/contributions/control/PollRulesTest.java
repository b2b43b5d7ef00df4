package app.rounds.contributions.control;

import app.rounds.contributions.control.PollRules.Answer;
import app.rounds.contributions.entity.Poll;
import app.rounds.contributions.entity.PollKind;
import app.rounds.contributions.entity.PollOption;
import app.rounds.contributions.entity.PollSpec;
import app.rounds.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollRulesTest {

    static final Instant OPENED = Instant.parse("2026-12-06T09:00:00Z");

    static PollSpec spec(PollKind kind, List<PollOption> options) {
        return new PollSpec(kind, "Which NEWS2 score triggers escalation?", options, null, null, null, null, null, null);
    }

    static List<PollOption> options(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new PollOption(t.replace("*", ""), t.endsWith("*"))).toList();
    }

    static Poll opened(PollSpec spec) {
        Poll poll = new Poll("s1", 1, PollRules.checked(spec), OPENED);
        poll.open(OPENED);
        return poll;
    }

    static String message(ProblemException e) {
        return e.getMessage();
    }

    @Test
    void aSingleChoiceNeedsTwoToTenDistinctOptionsWithText() {
        assertTrue(message(assertThrows(ProblemException.class, () -> PollRules.checked(spec(PollKind.SINGLE_CHOICE,
                options("Only one"))))).contains("Give 2 to 10 options"));
        assertTrue(message(assertThrows(ProblemException.class, () -> PollRules.checked(spec(PollKind.SINGLE_CHOICE,
                options("Five", "five"))))).contains("repeats an earlier option"));
        assertTrue(message(assertThrows(ProblemException.class, () -> PollRules.checked(spec(PollKind.SINGLE_CHOICE,
                options("Five", " "))))).contains("Option 2 needs a text"));
        PollSpec checked = PollRules.checked(spec(PollKind.SINGLE_CHOICE, options(" 5 ", "7")));
        assertEquals("5", checked.options().getFirst().text(), "stripped");
        assertEquals(1, checked.maxChoices());
    }

    @Test
    void everyFaultIsSaidAtOnceInWords() {
        ProblemException e = assertThrows(ProblemException.class, () -> PollRules.checked(new PollSpec(
                PollKind.RATING, " ", options("a", "b"), null, 7, null, null, null, 30)));
        assertEquals(List.of("title", "options", "scaleMax", "timeLimitSeconds"),
                e.fieldErrors().stream().map(ProblemException.FieldError::field).toList());
    }

    @Test
    void onlyAQuizMarksCorrectOptionsAndAQuizMarksAtLeastOne() {
        assertThrows(ProblemException.class, () -> PollRules.checked(spec(PollKind.SINGLE_CHOICE, options("a*", "b"))));
        assertThrows(ProblemException.class, () -> PollRules.checked(spec(PollKind.QUIZ, options("a", "b"))));
        PollSpec quiz = PollRules.checked(spec(PollKind.QUIZ, options("5", "7*", "3*")));
        assertEquals(2, quiz.maxChoices(), "as many choices as correct options");
    }

    @Test
    void multipleChoiceAllowsUpToItsMaximum() {
        PollSpec given = new PollSpec(PollKind.MULTIPLE_CHOICE, "Which apply?", options("a", "b", "c"), 4, null, null,
                null, null, null);
        assertThrows(ProblemException.class, () -> PollRules.checked(given));
        Poll poll = opened(new PollSpec(PollKind.MULTIPLE_CHOICE, "Which apply?", options("a", "b", "c"), 2, null,
                null, null, null, null));
        assertEquals(List.of(0, 2), PollRules.checked(poll, new Answer(List.of(2, 0, 2), null, null, null)).choices(),
                "sorted, each once");
        assertTrue(message(assertThrows(ProblemException.class, () -> PollRules.checked(poll,
                new Answer(List.of(0, 1, 2), null, null, null)))).contains("at most 2"));
        assertThrows(ProblemException.class, () -> PollRules.checked(poll, new Answer(List.of(3), null, null, null)));
        assertThrows(ProblemException.class, () -> PollRules.checked(poll, new Answer(List.of(), null, null, null)));
    }

    @Test
    void aSingleChoiceTakesExactlyOne() {
        Poll poll = opened(spec(PollKind.SINGLE_CHOICE, options("a", "b")));
        assertEquals(List.of(1), PollRules.checked(poll, new Answer(List.of(1), null, null, null)).choices());
        assertTrue(message(assertThrows(ProblemException.class, () -> PollRules.checked(poll,
                new Answer(List.of(0, 1), null, null, null)))).contains("one option only"));
    }

    @Test
    void aRatingIsOnItsScaleWithLabels() {
        Poll poll = opened(new PollSpec(PollKind.RATING, "How confident are you?", null, null, 10, " Not at all ",
                "Very", null, null));
        assertEquals("Not at all", poll.spec().lowLabel());
        assertEquals(10, PollRules.checked(poll, new Answer(null, 10, null, null)).rating());
        assertTrue(message(assertThrows(ProblemException.class, () -> PollRules.checked(poll,
                new Answer(null, 11, null, null)))).contains("from 1 to 10"));
        assertThrows(ProblemException.class, () -> PollRules.checked(poll, new Answer(null, 0, null, null)));
        assertEquals(5, PollRules.checked(new PollSpec(PollKind.RATING, "t", null, null, null, null, null, null,
                null)).scaleMax(), "1-5 unless said");
    }

    @Test
    void aWordCloudTakesOneToThreeWordsThatSaySomething() {
        Poll poll = opened(new PollSpec(PollKind.WORD_CLOUD, "One word for the drill", null, null, null, null, null,
                "en", null));
        var words = PollRules.checked(poll, new Answer(null, null, List.of(" Calm ", "nurses", "Nurse"), null)).words();
        assertEquals(List.of("Calm", "nurses"), words.stream().map(PollRules.Word::typed).toList(),
                "one trainee's 'nurses' and 'Nurse' count once");
        assertTrue(message(assertThrows(ProblemException.class, () -> PollRules.checked(poll,
                new Answer(null, null, List.of("a", "b", "c", "d"), null)))).contains("at most 3"));
        assertTrue(message(assertThrows(ProblemException.class, () -> PollRules.checked(poll,
                new Answer(null, null, List.of("the"), null)))).contains("too common"));
        assertThrows(ProblemException.class, () -> PollRules.checked(poll,
                new Answer(null, null, List.of("x".repeat(41)), null)));
        assertThrows(ProblemException.class, () -> PollRules.checked(poll, new Answer(null, null, List.of(" "), null)));
    }

    @Test
    void aWordCloudSpeaksOneOfFiveLanguages() {
        assertThrows(ProblemException.class, () -> PollRules.checked(new PollSpec(PollKind.WORD_CLOUD, "t", null,
                null, null, null, null, "xx", null)));
        assertEquals("de", PollRules.checked(new PollSpec(PollKind.WORD_CLOUD, "t", null, null, null, null, null,
                " DE ", null)).language());
    }

    @Test
    void openTextIsOneAnswerOfAtMost500Characters() {
        Poll poll = opened(spec(PollKind.OPEN_TEXT, List.of()));
        assertEquals("Gloves first", PollRules.checked(poll, new Answer(null, null, null, " Gloves first ")).text());
        assertThrows(ProblemException.class, () -> PollRules.checked(poll, new Answer(null, null, null, "x".repeat(501))));
        assertThrows(ProblemException.class, () -> PollRules.checked(poll, new Answer(null, null, null, null)));
    }

    @Test
    void onlyAQuizHasATimeLimitOfFiveSecondsToTenMinutes() {
        assertThrows(ProblemException.class, () -> PollRules.checked(new PollSpec(PollKind.SINGLE_CHOICE, "t",
                options("a", "b"), null, null, null, null, null, 30)));
        assertThrows(ProblemException.class, () -> PollRules.checked(new PollSpec(PollKind.QUIZ, "t",
                options("a*", "b"), null, null, null, null, null, 4)));
        assertEquals(30, PollRules.checked(new PollSpec(PollKind.QUIZ, "t", options("a*", "b"), null, null, null,
                null, null, 30)).timeLimitSeconds());
    }

    @Test
    void aQuizScoresHalfForBeingRightAndUpToHalfMoreForBeingFast() {
        Poll poll = opened(new PollSpec(PollKind.QUIZ, "t", options("5", "7*", "3"), null, null, null, null, null, 20));
        assertEquals(1000, PollRules.points(poll, List.of(1), OPENED));
        assertEquals(750, PollRules.points(poll, List.of(1), OPENED.plusSeconds(10)));
        assertEquals(500, PollRules.points(poll, List.of(1), OPENED.plusSeconds(20)));
        assertEquals(500, PollRules.points(poll, List.of(1), OPENED.plusSeconds(90)), "never below half when right");
        assertEquals(0, PollRules.points(poll, List.of(0), OPENED), "wrong: nothing, however fast");
    }

    @Test
    void aQuizWithSeveralCorrectOptionsScoresOnlyTheExactSet() {
        Poll poll = opened(new PollSpec(PollKind.QUIZ, "t", options("a*", "b*", "c"), null, null, null, null, null,
                null));
        assertTrue(PollRules.correct(poll, List.of(0, 1)));
        assertFalse(PollRules.correct(poll, List.of(0)));
        assertFalse(PollRules.correct(poll, List.of(0, 2)));
        assertEquals(750, PollRules.points(poll, List.of(0, 1), OPENED.plusSeconds(15)), "30 s window without a limit");
    }

    @Test
    void otherKindsScoreNothing() {
        Poll poll = opened(spec(PollKind.SINGLE_CHOICE, options("a", "b")));
        assertEquals(0, PollRules.points(poll, List.of(0), OPENED));
    }

    @Test
    void aPollTakesAnswersWhileOpenAndBeforeItsTimeIsUp() {
        Poll poll = opened(new PollSpec(PollKind.QUIZ, "t", options("a*", "b"), null, null, null, null, null, 10));
        assertTrue(poll.accepting(OPENED.plusSeconds(9)));
        assertFalse(poll.accepting(OPENED.plusSeconds(10)));
        poll.close(OPENED.plusSeconds(5));
        assertFalse(poll.accepting(OPENED.plusSeconds(6)));
        poll.open(OPENED.plusSeconds(60));
        assertTrue(poll.accepting(OPENED.plusSeconds(65)), "reopened: its time starts again");
        assertThrows(IllegalStateException.class, () -> poll.edit(poll.spec(), OPENED), "what was asked stays");
    }

    @Test
    void aPseudonymIsStableShortAndNotTheId() {
        String id = "3f2c9a10-0000-4000-8000-000000000001";
        String name = PollRules.pseudonym(id);
        assertEquals(name, PollRules.pseudonym(id));
        assertTrue(name.matches("Trainee [A-Z2-9]{4}"), name);
        assertFalse(name.contains("3f2c"));
        assertNull(PollRules.checked(spec(PollKind.OPEN_TEXT, List.of())).maxChoices());
    }
}
