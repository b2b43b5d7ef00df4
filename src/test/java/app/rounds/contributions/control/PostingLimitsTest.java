package app.rounds.contributions.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.SharedBuckets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostingLimitsTest {

    /** The limits as configured by default (microprofile-config.properties, the one list of defaults). */
    static PostingLimits withDefaults() throws IOException, ReflectiveOperationException {
        return with(configuredDefault("postsPerParticipant"), configuredDefault("postsPerAddress"),
                configuredDefault("votesPerParticipant"), configuredDefault("votesPerAddress"));
    }

    /** The default of the key the field is injected from. */
    static int configuredDefault(String field) throws IOException, ReflectiveOperationException {
        String key = PostingLimits.class.getDeclaredField(field).getAnnotation(ConfigProperty.class).name();
        Properties defaults = new Properties();
        try (InputStream file = PostingLimits.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(file);
        }
        return Integer.parseInt(defaults.getProperty(key));
    }

    static PostingLimits with(int postsPerParticipant, int postsPerAddress, int votesPerParticipant,
                              int votesPerAddress) {
        PostingLimits limits = new PostingLimits();
        limits.postsPerParticipant = postsPerParticipant;
        limits.postsPerAddress = postsPerAddress;
        limits.votesPerParticipant = votesPerParticipant;
        limits.votesPerAddress = votesPerAddress;
        limits.clock = Clock.systemUTC();
        limits.sharedBuckets = new SharedBuckets();
        limits.createLimiters();
        return limits;
    }

    /**
     * Makes attempts (each from a new participant when {@code newParticipants}) until one is refused; returns how
     * many passed, and checks they were at least {@code perMinute} and at most that plus what refilled meanwhile (the
     * limiter refills gradually, on the system clock).
     */
    static int passedBeforeRefusal(int perMinute, java.util.function.IntConsumer attempt) {
        long started = System.nanoTime();
        int passed = 0;
        while (true) {
            try {
                attempt.accept(passed);
            } catch (ProblemException refused) {
                assertEquals(ProblemException.Kind.TOO_MANY_REQUESTS, refused.kind());
                break;
            }
            passed++;
            if (passed > 10 * perMinute) {
                throw new AssertionError("never refused");
            }
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        assertTrue(passed >= perMinute, passed + " passed, fewer than " + perMinute);
        assertTrue(passed <= perMinute + Math.ceil(perMinute * minutes) + 1,
                passed + " passed in " + minutes * 60 + " s: more than " + perMinute + " a minute");
        return passed;
    }

    @Test
    void aParticipantMayPostSixTimesAMinuteByDefault() throws Exception {
        PostingLimits limits = withDefaults();
        passedBeforeRefusal(6, i -> limits.post("p1", "10.0.0.1"));
        ProblemException refused = assertThrows(ProblemException.class, () -> limits.post("p1", "10.0.0.1"));
        assertTrue(refused.getMessage().startsWith("Too many posts from you"), refused.getMessage());
    }

    @Test
    void aRefusedPostIsToldToRetryWhenOnePostHasRefilledWithinTheMinute() throws Exception {
        PostingLimits limits = withDefaults();
        passedBeforeRefusal(6, i -> limits.post("p1", "10.0.0.1"));
        Duration retryAfter = assertThrows(ProblemException.class, () -> limits.post("p1", "10.0.0.1")).retryAfter();
        assertTrue(retryAfter.compareTo(Duration.ZERO) > 0, retryAfter.toString());
        assertTrue(retryAfter.compareTo(Duration.ofSeconds(10)) <= 0, "six a minute: one every 10 s, " + retryAfter);
    }

    @Test
    void oneParticipantsPostsDoNotCountAgainstAnotherOnTheSameAddress() throws Exception {
        PostingLimits limits = withDefaults();
        passedBeforeRefusal(6, i -> limits.post("p1", "10.0.0.1"));
        limits.post("p2", "10.0.0.1");
    }

    @Test
    void aParticipantRefusedForTheirOwnLimitSpendsNothingOfWhatTheirAddressShares() {
        PostingLimits limits = with(6, 20, 60, 20);
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                limits.post("p1", "10.0.0.1");
            } catch (ProblemException refused) {
                assertTrue(refused.getMessage().startsWith("Too many posts from you"), refused.getMessage());
            }
        }
        passedBeforeRefusal(20 - 6, i -> limits.post("p" + (i + 2), "10.0.0.1"));
    }

    @Test
    void aPostTheAddressRefusesDoesNotCountForTheParticipant() {
        PostingLimits limits = with(6, 8, 60, 8);
        passedBeforeRefusal(8, i -> limits.post("other" + i, "10.0.0.1"));
        for (int attempt = 0; attempt < 10; attempt++) {
            ProblemException refused = assertThrows(ProblemException.class, () -> limits.post("p0", "10.0.0.1"));
            assertTrue(refused.getMessage().startsWith("Too many posts from this network"), refused.getMessage());
        }
        // the same trainee on the phone network instead of the hospital's Wi-Fi
        passedBeforeRefusal(6, i -> limits.post("p0", "10.0.0.2"));
    }

    @Test
    void anAddressMayPostItsLimitWhoeverPostsThenOtherAddressesStillMay() {
        PostingLimits limits = with(100, 5, 100, 5);
        passedBeforeRefusal(5, i -> limits.post("p" + i, "10.0.0.1"));
        ProblemException refused = assertThrows(ProblemException.class, () -> limits.post("new", "10.0.0.1"));
        assertTrue(refused.getMessage().startsWith("Too many posts from this network"), refused.getMessage());
        limits.post("new", "10.0.0.2");
    }

    @Test
    void aParticipantMayVoteSixtyTimesAMinuteByDefault() throws Exception {
        PostingLimits limits = withDefaults();
        passedBeforeRefusal(60, i -> limits.vote("p1", "10.0.0.1"));
        ProblemException refused = assertThrows(ProblemException.class, () -> limits.vote("p1", "10.0.0.1"));
        assertTrue(refused.getMessage().startsWith("Too many votes from you"), refused.getMessage());
    }

    @Test
    void anAddressMayVoteItsLimitWhoeverVotesThenOtherAddressesStillMay() {
        PostingLimits limits = with(100, 5, 100, 5);
        passedBeforeRefusal(5, i -> limits.vote("p" + i, "10.0.0.1"));
        ProblemException refused = assertThrows(ProblemException.class, () -> limits.vote("new", "10.0.0.1"));
        assertTrue(refused.getMessage().startsWith("Too many votes from this network"), refused.getMessage());
        limits.vote("new", "10.0.0.2");
    }

    @Test
    void byDefaultAnAddressMayPostThreeHundredAndVoteThreeThousandTimesAMinuteForAWholeLectureHall()
            throws Exception {
        assertEquals(300, configuredDefault("postsPerAddress"));
        assertEquals(3000, configuredDefault("votesPerAddress"));
    }

    @Test
    void postsAndVotesAreLimitedSeparately() {
        PostingLimits limits = with(1, 100, 1, 100);
        limits.post("p1", "10.0.0.1");
        limits.vote("p1", "10.0.0.1");
        assertThrows(ProblemException.class, () -> limits.post("p1", "10.0.0.1"));
        assertThrows(ProblemException.class, () -> limits.vote("p1", "10.0.0.1"));
    }
}
