package app.rounds.security.control;

import app.rounds.platform.control.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;

/**
 * Slows password guessing. Failed logins (form, token request or Basic) are counted per address and user name
 * (10 per 5 minutes) and per address (100 per 5 minutes, against trying many names), refilled gradually. Only
 * failures count: a user who types the right password is never slowed down by someone else's guessing elsewhere.
 */
@ApplicationScoped
public class LoginThrottle {

    private final RateLimiter perAccount = new RateLimiter("failed logins", 10, Duration.ofMinutes(5));
    private final RateLimiter perAddress = new RateLimiter("failed logins", 100, Duration.ofMinutes(5));

    public void checkAllowed(String address, String username) {
        perAddress.checkNotExhausted(address);
        perAccount.checkNotExhausted(accountKey(address, username));
    }

    public boolean allowed(String address, String username) {
        return !perAddress.exhausted(address) && !perAccount.exhausted(accountKey(address, username));
    }

    public void recordFailure(String address, String username) {
        perAddress.recordFailure(address);
        perAccount.recordFailure(accountKey(address, username));
    }

    private static String accountKey(String address, String username) {
        return address + "|" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }
}
