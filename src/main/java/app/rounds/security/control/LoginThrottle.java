package app.rounds.security.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.RateLimiter;
import app.rounds.platform.control.SharedBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slows password guessing (login form, token request, Basic, changing one's password) without locking out people
 * who know their password. An attempt that presents a device cookie of the user ({@link TrustedDevices}: this browser
 * or client logged in as the user before) is judged by that device's own failures only, so guesses from the same
 * hospital NAT, or at the account from everywhere, never lock out a colleague on a phone or PC they used before.
 * Once a device's failures are used up its cookie counts for nothing (OWASP's device-cookie lockout): its attempts
 * are untrusted again, neither better nor worse off than without the cookie. Any other attempt is untrusted and counted per address and user name, per user name across all addresses (against
 * guessing one account from many addresses) and per address (against trying many names; generous, since a whole
 * hospital may share one address). Each check takes its attempts before the (slow) hash comparison and gets them
 * back when the password was right, so parallel guesses cannot outrun the count and right passwords never use it up.
 */
@ApplicationScoped
public class LoginThrottle {

    private final RateLimiter perDevice;
    private final RateLimiter perAccountAndAddress;
    private final RateLimiter perAccount;
    private final RateLimiter perAddress;

    @Inject
    public LoginThrottle(
            @ConfigProperty(name = "rounds.auth.login.failures-per-device") int perDevice,
            @ConfigProperty(name = "rounds.auth.login.failures-per-account-and-address") int perAccountAndAddress,
            @ConfigProperty(name = "rounds.auth.login.failures-per-account") int perAccount,
            @ConfigProperty(name = "rounds.auth.login.failures-per-address") int perAddress,
            @ConfigProperty(name = "rounds.auth.login.failure-window") Duration window,
            Clock clock, SharedBuckets sharedBuckets) {
        this.perDevice = new RateLimiter("failed logins on this device", perDevice, window, clock, sharedBuckets);
        this.perAccountAndAddress = new RateLimiter("failed logins for this user name from your network",
                perAccountAndAddress, window, clock, sharedBuckets);
        this.perAccount = new RateLimiter("failed logins for this user name", perAccount, window, clock,
                sharedBuckets);
        this.perAddress = new RateLimiter("failed logins from your network", perAddress, window, clock,
                sharedBuckets);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean start with the application: its limits' shared buckets (SharedBuckets) are made
        // while every member of a cluster answers, not at a first request while one is frozen
    }

    protected LoginThrottle() { // for the CDI proxy
        this(1, 1, 1, 1, Duration.ofMinutes(5), Clock.systemUTC(), new SharedBuckets());
    }

    /**
     * Runs the password check within the limits of a device of the user ({@code device}: its id from a valid device
     * cookie for this user name) or, without one, of an untrusted client; refuses with 429 once they are used up.
     */
    public <T> Optional<T> check(String address, String username, Optional<String> device,
                                 Supplier<Optional<T>> passwordCheck) {
        String account = StaffDirectory.canonicalUsername(username);
        List<Attempt> attempts = device
                .map(id -> new Attempt(perDevice, account + "|" + id))
                .filter(Attempt::tryTake)
                .map(List::of)
                // no device, or one whose failures are used up: its cookie counts for nothing, as none would
                .orElseGet(() -> takeAll(List.of(new Attempt(perAccountAndAddress, address + "|" + account),
                        new Attempt(perAccount, account), new Attempt(perAddress, address))));
        Optional<T> result = passwordCheck.get();
        if (result.isPresent()) {
            attempts.forEach(Attempt::giveBack);
        }
        return result;
    }

    /** Takes an attempt from every limit, or from none: one that refuses gives back those already taken. */
    private static List<Attempt> takeAll(List<Attempt> attempts) {
        List<Attempt> taken = new ArrayList<>();
        try {
            for (Attempt attempt : attempts) {
                attempt.limiter().acquire(attempt.key());
                taken.add(attempt);
            }
        } catch (ProblemException exhausted) {
            taken.forEach(Attempt::giveBack);
            throw exhausted;
        }
        return attempts;
    }

    private record Attempt(RateLimiter limiter, String key) {
        boolean tryTake() {
            return limiter.tryAcquire(key);
        }

        void giveBack() {
            limiter.refund(key);
        }
    }
}
