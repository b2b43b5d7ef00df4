package app.rounds.security.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slows password guessing. Failed password checks (login form, token request, Basic, changing one's password) are
 * counted per address and user name (10 per 5 minutes) and per address (100 per 5 minutes, against trying many
 * names), refilled gradually. Each check takes its attempt before the (slow) hash comparison and gets it back when the
 * password was right, so parallel guesses cannot outrun the count and right passwords never use it up.
 */
@ApplicationScoped
public class LoginThrottle {

    private final RateLimiter perAccount = new RateLimiter("failed logins", 10, Duration.ofMinutes(5));
    private final RateLimiter perAddress = new RateLimiter("failed logins", 100, Duration.ofMinutes(5));

    /** Runs the password check within the limits; refuses with 429 once they are used up. */
    public <T> Optional<T> check(String address, String username, Supplier<Optional<T>> passwordCheck) {
        perAddress.acquire(address);
        try {
            perAccount.acquire(accountKey(address, username));
        } catch (ProblemException exhausted) {
            perAddress.refund(address);
            throw exhausted;
        }
        Optional<T> result = passwordCheck.get();
        if (result.isPresent()) {
            perAddress.refund(address);
            perAccount.refund(accountKey(address, username));
        }
        return result;
    }

    /** The name as the lookup reads it: "ｒｅｖ２", "rév2" and "RĖV2 " are all guesses at "rev2". */
    static String accountKey(String address, String username) {
        return address + "|" + StaffDirectory.canonicalUsername(username);
    }
}
