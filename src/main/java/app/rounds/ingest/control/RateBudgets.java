package app.rounds.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate budget of each instance Rounds calls, by its base URL (an instance counts per caller, whatever session or
 * source asks), in this process. Every answer's headers set it again, so several Rounds instances that share an
 * instance's budget each learn what the others spent.
 */
@ApplicationScoped
public class RateBudgets {

    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();

    public RateBudget of(String baseUrl) {
        return budgets.computeIfAbsent(baseUrl, url -> new RateBudget());
    }

    /** Mastodon: {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (a time, read against {@code Date}). */
    public void observeMastodon(String baseUrl, HttpHeaders headers, Instant now) {
        Optional<Integer> remaining = integer(headers.firstValue("X-RateLimit-Remaining"));
        Optional<Instant> reset = MastodonTimeline.resetTime(headers, now);
        if (remaining.isPresent() && reset.isPresent()) {
            of(baseUrl).observe(remaining.get(), reset.get());
        } else {
            of(baseUrl).spent();
        }
    }

    /** Bluesky: {@code RateLimit-Remaining} and {@code RateLimit-Reset} (Unix seconds). */
    public void observeBluesky(String baseUrl, HttpHeaders headers) {
        Optional<Integer> remaining = integer(headers.firstValue("RateLimit-Remaining"));
        Optional<Instant> reset = headers.firstValue("RateLimit-Reset").flatMap(s -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(s.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        if (remaining.isPresent() && reset.isPresent()) {
            of(baseUrl).observe(remaining.get(), reset.get());
        } else {
            of(baseUrl).spent();
        }
    }

    private static Optional<Integer> integer(Optional<String> text) {
        return text.flatMap(s -> {
            try {
                return Optional.of(Integer.parseInt(s.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
