package app.rounds.ingest.control;

import app.rounds.ingest.control.PostClassifier.Classified;
import app.rounds.ingest.control.PostClassifier.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostClassifierTest {

    @Test
    void theSessionHashtagMatchesCaseInsensitivelyAndWhole() {
        assertTrue(PostClassifier.carries("Great session #RoundsICU today", "roundsicu"));
        assertTrue(PostClassifier.carries("#roundsicu", "#RoundsICU"));
        assertFalse(PostClassifier.carries("#roundsicu2 is another", "roundsicu"));
        assertFalse(PostClassifier.carries("mail me at a#roundsicu", "roundsicu"));
        assertTrue(PostClassifier.carries("Übung #Hygiene-Kurs", "hygiene"));
    }

    @Test
    void questionsByTagOrQuestionMark() {
        assertEquals(new Classified(Kind.QUESTION, 0), PostClassifier.classify("Where are the gloves? #rounds"));
        assertEquals(new Classified(Kind.QUESTION, 0), PostClassifier.classify("#q dosage of heparin #rounds"));
        assertEquals(new Classified(Kind.OTHER, 0), PostClassifier.classify("Loved it #rounds"));
    }

    @Test
    void feedbackNeedsTheTagAndARating() {
        assertEquals(new Classified(Kind.FEEDBACK, 4), PostClassifier.classify("#feedback 4/5 very clear #rounds"));
        assertEquals(new Classified(Kind.FEEDBACK, 3), PostClassifier.classify("#Feedback 3 out of 5"));
        assertEquals(new Classified(Kind.FEEDBACK, 5), PostClassifier.classify("#feedback ★★★★★ great"));
        assertEquals(new Classified(Kind.FEEDBACK, 2), PostClassifier.classify("#feedback ⭐️⭐️ too fast"));
        assertEquals(new Classified(Kind.OTHER, 0), PostClassifier.classify("#feedback was great"));
        assertEquals(new Classified(Kind.OTHER, 0), PostClassifier.classify("#feedback 14/50 rooms"));
    }

    @Test
    void fullWidthAndInvertedQuestionMarksMakeAQuestionToo() {
        assertEquals(Kind.QUESTION, PostClassifier.classify("手袋はどこ？ #rounds").kind());
        assertEquals(Kind.QUESTION, PostClassifier.classify("¿Dónde están los guantes #rounds").kind());
    }

    @Test
    void aRatingMayBeWrittenInGermanFrenchOrSpanish() {
        assertEquals(new Classified(Kind.FEEDBACK, 4), PostClassifier.classify("#feedback 4 von 5 #rounds"));
        assertEquals(new Classified(Kind.FEEDBACK, 3), PostClassifier.classify("#feedback 3 sur 5 #rounds"));
        assertEquals(new Classified(Kind.FEEDBACK, 2), PostClassifier.classify("#feedback 2 de 5 #rounds"));
    }

    @Test
    void aRatingOutsideOneToFiveIsNoRating() {
        assertEquals(new Classified(Kind.OTHER, 0), PostClassifier.classify("#feedback 0/5 #rounds"));
        assertEquals(new Classified(Kind.OTHER, 0), PostClassifier.classify("#feedback 6/5 #rounds"));
        assertEquals(new Classified(Kind.OTHER, 0), PostClassifier.classify("#feedback 4/10 #rounds"));
    }

    @Test
    void aRatingWithoutTheFeedbackTagIsNoFeedback() {
        assertEquals(new Classified(Kind.OTHER, 0), PostClassifier.classify("4/5 very clear #rounds"));
    }

    @Test
    void moreThanFiveStarsCountAsFive() {
        assertEquals(new Classified(Kind.FEEDBACK, 5), PostClassifier.classify("#feedback ★★★★★★★ #rounds"));
    }
}
