package app.rounds.ingest.control;

import app.rounds.contributions.entity.Origin;
import app.rounds.ingest.entity.IngestedPost;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.sessions.entity.OtherPosts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a post taken from a network becomes in its session (Ingestion.become), and the order a batch is taken in. */
class IngestionTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static String becomes(String text, OtherPosts otherPosts) {
        return Ingestion.becomes(PostClassifier.classify(text), otherPosts);
    }

    static SocialPost post(String uri, String text, Instant createdAt) {
        return new SocialPost(uri, "https://mastodon.example/" + uri, "@ana@mastodon.example", text, createdAt);
    }

    @Test
    void aPostWithFeedbackAndARatingBecomesFeedbackWhateverTheSessionDoesWithOtherPosts() {
        assertEquals(IngestedPost.FEEDBACK, becomes("#feedback 4/5 very clear #rounds", OtherPosts.IGNORE));
        assertEquals(IngestedPost.FEEDBACK, becomes("#feedback 4/5 very clear #rounds", OtherPosts.QUESTION));
    }

    @Test
    void feedbackWithARatingAndAQuestionMarkIsFeedbackNotAQuestion() {
        assertEquals(IngestedPost.FEEDBACK, becomes("#feedback 5/5 can we have more? #rounds", OtherPosts.IGNORE));
    }

    @Test
    void aQuestionBecomesAQuestionWhateverTheSessionDoesWithOtherPosts() {
        assertEquals(IngestedPost.QUESTION, becomes("Where are the gloves? #rounds", OtherPosts.IGNORE));
        assertEquals(IngestedPost.QUESTION, becomes("#q dosage of heparin #rounds", OtherPosts.IGNORE));
        assertEquals(IngestedPost.QUESTION, becomes("#q dosage of heparin #rounds", OtherPosts.QUESTION));
    }

    @Test
    void anyOtherPostBecomesAQuestionWhenTheSessionSaysSo() {
        assertEquals(IngestedPost.QUESTION, becomes("Loved it #rounds", OtherPosts.QUESTION));
    }

    @Test
    void anyOtherPostBecomesNothingWhenTheSessionIgnoresOtherPosts() {
        assertNull(becomes("Loved it #rounds", OtherPosts.IGNORE));
    }

    @Test
    void feedbackWithoutARatingIsAnOtherPost() {
        assertNull(becomes("#feedback was great #rounds", OtherPosts.IGNORE));
        assertEquals(IngestedPost.QUESTION, becomes("#feedback was great #rounds", OtherPosts.QUESTION));
    }

    @Test
    void everyKindOfSourceGivesItsContributionsAnOriginOfTheSameName() {
        for (SourceKind kind : SourceKind.values()) {
            assertEquals(kind.name(), Origin.valueOf(kind.name()).name()); // as Ingestion.become maps them
        }
    }

    @Test
    void aPostThatCameTwiceInOneBatchIsTakenOnceAsItsLastVersion() {
        SocialPost first = post("a", "Why? #rounds", NOW);
        SocialPost other = post("b", "How? #rounds", NOW);
        SocialPost edited = post("a", "Why, exactly? #rounds", NOW);
        assertEquals(List.of(edited, other), List.copyOf(Ingestion.lastWordPerUri(List.of(first, other, edited))));
    }

    @Test
    void aBatchIsTakenOldestFirstThoseWithoutATimeLast() {
        SocialPost undated = post("u", "When? #rounds", null);
        SocialPost newer = post("n", "How? #rounds", NOW.plusSeconds(60));
        SocialPost older = post("o", "Why? #rounds", NOW);
        assertEquals(List.of(older, newer, undated), Ingestion.oldestFirst(List.of(undated, newer, older)));
    }
}
