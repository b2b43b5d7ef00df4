package app.rounds.contributions.control;

import app.rounds.contributions.control.QuotableContributions.Kind;
import app.rounds.contributions.control.QuotableContributions.Quotable;
import app.rounds.contributions.entity.Feedback;
import app.rounds.contributions.entity.Origin;
import app.rounds.contributions.entity.Provenance;
import app.rounds.contributions.entity.Question;
import app.rounds.contributions.entity.QuestionStatus;
import app.rounds.contributions.entity.ScreeningRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotableContributionsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static Question asked(boolean preModeration) {
        return new Question("s1", "p1", "Ana", "Why?", ScreeningRecord.clean(), preModeration, NOW);
    }

    static ScreeningRecord held() {
        return new ScreeningRecord("[{\"reason\":\"PERSON_NAME\"}]", null);
    }

    @Test
    void onlyAnApprovedQuestionMayBeQuoted() {
        assertTrue(QuotableContributions.of(asked(false)).showable());
        assertFalse(QuotableContributions.of(asked(true)).showable(), "pending");
        Question rejected = asked(true);
        rejected.moveTo(QuestionStatus.REJECTED, NOW);
        assertFalse(QuotableContributions.of(rejected).showable(), "rejected");
        Question hidden = asked(false);
        hidden.moveTo(QuestionStatus.HIDDEN, NOW);
        assertFalse(QuotableContributions.of(hidden).showable(), "hidden");
        Question withdrawn = asked(false);
        withdrawn.withdraw(NOW);
        assertFalse(QuotableContributions.of(withdrawn).showable(), "withdrawn");
    }

    @Test
    void aQuestionIsQuotedWithWhereItCameFrom() {
        Question ingested = Question.ingested("s1", new Provenance(Origin.BLUESKY, "@ana.bsky.social",
                "https://bsky.app/post/1"), "Why? #rounds", ScreeningRecord.clean(), NOW);
        Quotable quotable = QuotableContributions.of(ingested);
        assertEquals(Kind.QUESTION, quotable.kind());
        assertEquals(Origin.BLUESKY, quotable.origin());
        assertEquals("@ana.bsky.social", quotable.authorHandle());
        assertEquals("https://bsky.app/post/1", quotable.originalUrl());
        assertNull(quotable.rating());
    }

    @Test
    void feedbackMayBeQuotedOnlyWithACommentThatScreeningFoundClean() {
        Feedback clean = new Feedback("s1", "p1", NOW);
        clean.rate(5, "very clear", ScreeningRecord.clean(), NOW);
        Quotable quotable = QuotableContributions.of(clean);
        assertTrue(quotable.showable());
        assertEquals(Kind.FEEDBACK, quotable.kind());
        assertEquals(5, quotable.rating());
        assertEquals("very clear", quotable.text());

        Feedback held = new Feedback("s1", "p2", NOW);
        held.rate(5, "Ana in bed 4", held(), NOW);
        assertFalse(QuotableContributions.of(held).showable(), "held by screening");

        Feedback wordless = new Feedback("s1", "p3", NOW);
        wordless.rate(5, null, ScreeningRecord.clean(), NOW);
        assertFalse(QuotableContributions.of(wordless).showable(), "without words");
    }

    @Test
    void onlyFeedbackOfFourOrFiveStarsIsOfferedAsBestRated() {
        List<Quotable> offered = QuotableContributions.bestRated(Stream.of(rated(2, "Too fast, slides unreadable", 1),
                rated(5, "Very clear", 2), rated(3, "Fine", 3), rated(4, "Useful drills", 4), rated(1, "Waste", 5)), 10);
        assertEquals(List.of("Very clear", "Useful drills"), offered.stream().map(Quotable::text).toList());
    }

    @Test
    void bestRatedComesFirstThenTheNewestUpToTheLimit() {
        List<Quotable> offered = QuotableContributions.bestRated(Stream.of(rated(4, "older four", 1),
                rated(4, "newer four", 9), rated(5, "five", 2)), 2);
        assertEquals(List.of("five", "newer four"), offered.stream().map(Quotable::text).toList());
    }

    static Quotable rated(int rating, String comment, int minute) {
        Feedback feedback = new Feedback("s1", "p" + minute, NOW);
        feedback.rate(rating, comment, ScreeningRecord.clean(), NOW.plusSeconds(60L * minute));
        return QuotableContributions.of(feedback);
    }
}
