package app.rounds.ingest.control;

import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.ingest.entity.SourceState;
import app.rounds.platform.control.ProblemException;
import app.rounds.sessions.control.SessionSummary;
import app.rounds.sessions.control.TrainingSessions;
import app.rounds.sessions.entity.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A session's ingest sources: adding, listing, pausing, removing, and recording how each call went. */
@ApplicationScoped
@Transactional
public class Sources {

    /** What staff see of a source; never its credential. {@code lagSeconds}: since the newest post taken. */
    public record SourceView(String id, String sessionId, SourceKind kind, String label, String baseUrl,
                             String account, boolean enabled, SourceState state, Instant lastSuccessAt,
                             String lastError, Instant lastErrorAt, Instant nextPollAt, Instant newestPostAt,
                             Long lagSeconds, int failures, String webhookUrl) {
    }

    /** A new source, and the webhook signing secret when one was made for it (shown this once). */
    public record Added(SourceView source, String webhookSecret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SourceSecrets secrets;

    @Inject
    SourceHttp http;

    @Inject
    TrainingSessions sessions;

    @Inject
    Clock clock;

    /** How far back a new Mastodon source reads. */
    @Inject
    @ConfigProperty(name = "rounds.ingest.lookback-minutes")
    int lookbackMinutes;

    public Added add(String sessionId, SourceKind kind, String label, String baseUrl, String account,
                     String credential, String staffId) {
        String checkedUrl = null;
        if (kind.polled()) {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw ProblemException.invalidField("baseUrl", "A " + kind.name().toLowerCase()
                        + " source needs its address.");
            }
            checkedUrl = http.checkedBaseUrl(baseUrl);
        }
        if (kind == SourceKind.BLUESKY && (account == null || account.isBlank() || credential == null)) {
            throw ProblemException.invalidField("credential", "A Bluesky source needs an account and an app password.");
        }
        String webhookSecret = kind == SourceKind.WEBHOOK ? WebhookSignatures.newSecret() : null;
        String secret = webhookSecret != null ? webhookSecret : blankToNull(credential);
        Instant now = clock.instant();
        IngestSource source = new IngestSource(sessionId, kind, label.strip(), checkedUrl, blankToNull(account),
                secrets.encrypt(secret), staffId, now);
        // start a little before now: posts made just before the source was added still come
        Instant start = now.minus(Duration.ofMinutes(lookbackMinutes));
        if (kind == SourceKind.MASTODON) {
            source.advance(MastodonTimeline.idAt(start), null);
        } else if (kind == SourceKind.BLUESKY) {
            source.advance(start.toString(), null);
        }
        em.persist(source);
        return new Added(view(source), webhookSecret);
    }

    public List<SourceView> of(String sessionId) {
        return em.createNamedQuery(IngestSource.FIND_BY_SESSION, IngestSource.class)
                .setParameter("session", sessionId).getResultStream().map(this::view).toList();
    }

    public List<SourceView> all() {
        return em.createNamedQuery(IngestSource.FIND_ALL, IngestSource.class).getResultStream().map(this::view).toList();
    }

    public Optional<IngestSource> find(String sourceId) {
        return Optional.ofNullable(em.find(IngestSource.class, sourceId));
    }

    /** A source of this session, or 404. */
    public IngestSource of(String sessionId, String sourceId) {
        return find(sourceId).filter(s -> s.sessionId().equals(sessionId)).orElseThrow(() ->
                ProblemException.notFound("source-not-found", "There is no source '" + sourceId + "' in this session."));
    }

    public SourceView view(String sessionId, String sourceId) {
        return view(of(sessionId, sourceId));
    }

    public SourceView enable(String sessionId, String sourceId, boolean enabled) {
        IngestSource source = of(sessionId, sourceId);
        source.enable(enabled, clock.instant());
        return view(source);
    }

    public void remove(String sessionId, String sourceId) {
        em.remove(of(sessionId, sourceId));
    }

    /** The enabled sources Rounds fetches from (all but webhooks). */
    public List<IngestSource> polled() {
        return em.createNamedQuery(IngestSource.FIND_POLLED, IngestSource.class).getResultList();
    }

    /** The source's credential in clear, or empty when there is none or it was stored under another key. */
    public Optional<String> credential(IngestSource source) {
        return secrets.decrypt(source.credential());
    }

    /** The hashtag a session's sources follow: none once the session has ended. */
    public Optional<String> hashtagOf(String sessionId) {
        SessionSummary session = sessions.summary(sessionId);
        return session.status() == SessionStatus.ENDED ? Optional.empty() : Optional.ofNullable(session.hashtag());
    }

    public void pollNow(String sourceId) {
        find(sourceId).ifPresent(s -> s.pollNow(clock.instant()));
    }

    public void failed(String sourceId, String error, Duration backoff) {
        find(sourceId).ifPresent(s -> s.failed(error, clock.instant(), backoff));
    }

    public void waitUntil(String sourceId, Instant until, String why) {
        find(sourceId).ifPresent(s -> s.waitUntil(until, why, clock.instant()));
    }

    private SourceView view(IngestSource s) {
        Long lag = s.newestPostAt() == null ? null
                : Math.max(0, Duration.between(s.newestPostAt(), clock.instant()).toSeconds());
        return new SourceView(s.id(), s.sessionId(), s.kind(), s.label(), s.baseUrl(), s.account(), s.enabled(),
                s.state(), s.lastSuccessAt(), s.lastError(), s.lastErrorAt(), s.nextPollAt(), s.newestPostAt(), lag,
                s.failures(), s.kind() == SourceKind.WEBHOOK ? "/api/ingest/webhooks/" + s.id() : null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
