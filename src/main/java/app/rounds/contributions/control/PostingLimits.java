package app.rounds.contributions.control;

import app.rounds.platform.control.RateLimiter;
import app.rounds.platform.control.SharedBuckets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * How fast trainees may post (questions and feedback) and vote, per participant and per client address. The address
 * limits are high because a whole lecture hall may share one address behind the hospital's NAT.
 */
@ApplicationScoped
public class PostingLimits {

    @Inject
    @ConfigProperty(name = "rounds.limits.posts-per-participant-per-minute")
    int postsPerParticipant;

    @Inject
    @ConfigProperty(name = "rounds.limits.posts-per-address-per-minute")
    int postsPerAddress;

    @Inject
    @ConfigProperty(name = "rounds.limits.votes-per-participant-per-minute")
    int votesPerParticipant;

    @Inject
    @ConfigProperty(name = "rounds.limits.votes-per-address-per-minute")
    int votesPerAddress;

    @Inject
    SharedBuckets sharedBuckets;

    @Inject
    Clock clock;

    private RateLimiter postsByParticipant;
    private RateLimiter postsByAddress;
    private RateLimiter votesByParticipant;
    private RateLimiter votesByAddress;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean start with the application: its limits' shared buckets (SharedBuckets) are made
        // while every member of a cluster answers, not at a first request while one is frozen
    }

    @PostConstruct
    void createLimiters() {
        Duration minute = Duration.ofMinutes(1);
        postsByParticipant = new RateLimiter("posts from you", postsPerParticipant, minute, clock, sharedBuckets);
        postsByAddress = new RateLimiter("posts from this network", postsPerAddress, minute, clock,
                sharedBuckets);
        votesByParticipant = new RateLimiter("votes from you", votesPerParticipant, minute, clock, sharedBuckets);
        votesByAddress = new RateLimiter("votes from this network", votesPerAddress, minute, clock,
                sharedBuckets);
    }

    public void post(String participantId, String address) {
        acquire(postsByParticipant, participantId, postsByAddress, address);
    }

    public void vote(String participantId, String address) {
        acquire(votesByParticipant, participantId, votesByAddress, address);
    }

    /**
     * The participant's own limit first: one trainee hammering the button is refused without spending what the
     * lecture hall behind the same address shares; and an attempt the address refuses does not count for them.
     */
    private static void acquire(RateLimiter own, String participantId, RateLimiter shared, String address) {
        own.acquire(participantId);
        try {
            shared.acquire(address);
        } catch (RuntimeException refused) {
            own.refund(participantId);
            throw refused;
        }
    }
}
