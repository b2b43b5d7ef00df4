package app.rounds.ingest.control;

import java.io.IOException;
import java.time.Instant;

/** A source refused a call for now (a 429, or no requests left): call again at {@code notBefore}, when known. */
public class RateLimited extends IOException {

    private final transient Instant notBefore;

    public RateLimited(String message, Instant notBefore) {
        super(message);
        this.notBefore = notBefore;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
