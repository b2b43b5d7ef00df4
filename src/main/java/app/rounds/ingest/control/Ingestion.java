package app.rounds.ingest.control;

import app.rounds.contributions.control.FeedbackBox;
import app.rounds.contributions.control.Questions;
import app.rounds.contributions.entity.Origin;
import app.rounds.contributions.entity.Provenance;
import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.IngestedPost;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.platform.control.Conflicts;
import app.rounds.platform.control.SecretTokens;
import app.rounds.sessions.control.TrainingSessions;
import app.rounds.sessions.entity.OtherPosts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a batch of posts from a source into its session, and moves the source's cursor past them, in one
 * transaction: either the contributions and the cursor are stored, or neither is and the batch comes again. A post is
 * known by its URI per session, so a batch that comes again, or the same post through another instance, changes
 * nothing; an edited original goes back to moderation, a deleted one is withdrawn for good. What a post becomes:
 * {@code #q} or a question mark makes a question, {@code #feedback} with a rating makes feedback, anything else what
 * the session sets (a question, or nothing).
 *
 * <p>A new post is first claimed with {@code INSERT IGNORE} on its key, every claim of a batch in key order: two
 * sources bringing the same posts at once then wait for each other on the keys (never a duplicate key, never a
 * deadlock between claims), and the one that comes second finds the post in and leaves it. Reads run in short
 * transactions of their own too: without one, an entity manager used on a scheduler's thread was closed under it.
 */
@ApplicationScoped
@Transactional
public class Ingestion {

    /** What a batch changed. */
    public record Taken(int added, int revised, int withdrawn) {
        public int changed() {
            return added + revised + withdrawn;
        }
    }

    /** What asking the sources again changed: the contributions withdrawn (deleted originals) and revised (edited). */
    public record Rechecked(List<String> withdrawn, List<String> revised) {
        public static final Rechecked NOTHING = new Rechecked(List.of(), List.of());

        public boolean changed() {
            return !withdrawn.isEmpty() || !revised.isEmpty();
        }

        public Rechecked and(Rechecked other) {
            List<String> w = new ArrayList<>(withdrawn);
            w.addAll(other.withdrawn);
            List<String> r = new ArrayList<>(revised);
            r.addAll(other.revised);
            return new Rechecked(List.copyOf(w), List.copyOf(r));
        }
    }

    /** A post Rounds watches at its source: one it shows or may quote. */
    public record Watched(IngestedPost.Key key, String sessionId, String uri, String contributionId, String sourceId,
                          SourceKind sourceKind, String localId) {
    }

    /** A post as its source shows it now ({@code post}), or gone from it ({@code post} null). */
    public record Original(String uri, SocialPost post) {
        public static Original gone(String uri) {
            return new Original(uri, null);
        }

        public boolean isGone() {
            return post == null;
        }
    }

    /** The kinds of source that can be asked about one post again. */
    public static final Set<SourceKind> ASKABLE = Set.of(SourceKind.MASTODON, SourceKind.BLUESKY);

    @PersistenceContext
    EntityManager em;

    @Inject
    Questions questions;

    @Inject
    FeedbackBox feedback;

    @Inject
    TrainingSessions sessions;

    @Inject
    Clock clock;

    /** The first re-check of a post comes this long after it was taken. */
    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-seconds")
    int recheckSeconds;

    /** This instance no longer holds the source's lease ({@link SourceLeases}): it stored nothing. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost(String sourceId) {
            super("Source " + sourceId + " is leased to another instance now", null, false, false);
        }
    }

    /**
     * Stores {@code posts} (new or edited) and {@code deletedUris}; then sets the cursor (when not null) and records the
     * success, with the next poll due at {@code nextPoll}. {@code leaseEpoch}: the epoch of the lease this instance
     * polls or streams the source under; stored only while the source is still at it (else {@link LeaseLost}), null
     * for what a relay delivers.
     */
    public Taken take(String sourceId, Long leaseEpoch, List<SocialPost> posts, List<String> deletedUris,
                      String cursor, Instant nextPoll) {
        // one batch per source at a time, cluster-wide: the row lock orders them, and a take-over waits for it
        IngestSource source = em.find(IngestSource.class, sourceId, LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            return new Taken(0, 0, 0);
        }
        if (leaseEpoch != null && source.leaseEpoch() != leaseEpoch) {
            throw new LeaseLost(sourceId);
        }
        Instant now = clock.instant();
        OtherPosts otherPosts = sessions.summary(source.sessionId()).otherPosts();
        int added = 0;
        int revised = 0;
        int withdrawn = 0;
        Collection<SocialPost> lastWords = lastWordPerUri(posts);
        Set<String> claimed = claim(source, lastWords, deletedUris, now);
        for (SocialPost post : oldestFirst(lastWords)) {
            if (post.localId() != null) {
                em.createNativeQuery("INSERT IGNORE INTO source_post_id (source_id, local_id, uri) VALUES (?, ?, ?)")
                        .setParameter(1, source.id()).setParameter(2, post.localId()).setParameter(3, post.uri())
                        .executeUpdate();
            }
            IngestedPost known = known(source.sessionId(), post.uri());
            if (claimed.contains(post.uri())) {
                added += become(source, known, post, otherPosts) ? 1 : 0;
            } else if (!known.deleted() && known.changedBy(SecretTokens.hash(post.text()), post.editedAt())) {
                revise(known, post, now);
                revised++;
            }
        }
        for (String uri : deletedUris) {
            IngestedPost known = known(source.sessionId(), uri);
            if (!claimed.contains(uri) && !known.deleted()) {
                withdraw(known, now);
                withdrawn++;
            }
        }
        source.advance(cursor == null ? source.cursor() : cursor, posts.stream().map(SocialPost::createdAt)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
        source.succeeded(now, nextPoll);
        return new Taken(added, revised, withdrawn);
    }

    /** The last word on a post that came twice in one batch (kept where it first came). */
    static Collection<SocialPost> lastWordPerUri(List<SocialPost> posts) {
        Map<String, SocialPost> byUri = new LinkedHashMap<>();
        posts.forEach(p -> byUri.put(p.uri(), p));
        return byUri.values();
    }

    /** Oldest first (those without a time last), so the moderation queue shows them in the order they were written. */
    static List<SocialPost> oldestFirst(Collection<SocialPost> posts) {
        return posts.stream().sorted(Comparator.comparing(SocialPost::createdAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /**
     * Claims the keys of the posts and deletions this session has not seen, in key order; returns the URIs claimed
     * (new to the session). A deletion of a post never seen is remembered as deleted, so that a late copy of it (a
     * backfill, another instance) is not taken.
     */
    private Set<String> claim(IngestSource source, Collection<SocialPost> posts, List<String> deletedUris,
                              Instant now) {
        record Claim(String uri, String hash, SocialPost post) {
        }
        List<Claim> claims = new ArrayList<>();
        posts.forEach(p -> claims.add(new Claim(p.uri(), SecretTokens.hash(p.uri()), p)));
        Set<String> posted = new HashSet<>(posts.stream().map(SocialPost::uri).toList());
        deletedUris.stream().filter(uri -> !posted.contains(uri)).distinct()
                .forEach(uri -> claims.add(new Claim(uri, SecretTokens.hash(uri), null)));
        claims.sort(Comparator.comparing(Claim::hash));
        Set<String> claimed = new HashSet<>();
        for (Claim claim : claims) {
            boolean deleted = claim.post() == null;
            int inserted = em.createNativeQuery("INSERT IGNORE INTO ingested_post (session_id, uri_hash, uri, "
                            + "source_id, source_kind, local_id, content_hash, edited_at, deleted, first_seen_at, "
                            + "updated_at, next_check_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, source.sessionId()).setParameter(2, claim.hash()).setParameter(3, claim.uri())
                    .setParameter(4, source.id()).setParameter(5, source.kind().name())
                    .setParameter(6, deleted ? null : claim.post().localId())
                    .setParameter(7, SecretTokens.hash(deleted ? "" : claim.post().text()))
                    .setParameter(8, deleted || claim.post().editedAt() == null ? null
                            : Timestamp.from(claim.post().editedAt()))
                    .setParameter(9, deleted)
                    .setParameter(10, Timestamp.from(now)).setParameter(11, Timestamp.from(now))
                    .setParameter(12, Timestamp.from(now.plusSeconds(recheckSeconds)))
                    .executeUpdate();
            if (inserted == 1 && !deleted) {
                claimed.add(claim.uri());
            }
        }
        return claimed;
    }

    /** The post of this session, which must exist: claimed now, or known before. */
    private IngestedPost known(String sessionId, String uri) {
        IngestedPost known = em.find(IngestedPost.class, new IngestedPost.Key(sessionId, SecretTokens.hash(uri)));
        if (known == null) {
            // claimed by a transaction that committed after this one began: this one cannot see it (nor what it
            // became), so it starts again, and then finds it
            throw new Conflicts.TakenMeanwhile(uri);
        }
        return known;
    }

    /** A post new to the session becomes a question, feedback, or nothing; returns whether it became something. */
    private boolean become(IngestSource source, IngestedPost claimed, SocialPost post, OtherPosts otherPosts) {
        Provenance provenance = new Provenance(Origin.valueOf(source.kind().name()), post.authorHandle(), post.url());
        PostClassifier.Classified classified = PostClassifier.classify(post.text());
        String becomes = becomes(classified, otherPosts);
        if (IngestedPost.FEEDBACK.equals(becomes)) {
            claimed.became(IngestedPost.FEEDBACK, feedback.ingest(source.sessionId(), provenance, post.uri(),
                    classified.rating(), post.text()));
        } else if (IngestedPost.QUESTION.equals(becomes)) {
            claimed.became(IngestedPost.QUESTION, questions.ingest(source.sessionId(), provenance, post.text()));
        }
        return claimed.contributionId() != null;
    }

    /**
     * What a post new to the session becomes ({@link IngestedPost#QUESTION} or {@link IngestedPost#FEEDBACK}), or null
     * for nothing: feedback with a rating is feedback, a question is a question, anything else what the session sets.
     */
    static String becomes(PostClassifier.Classified classified, OtherPosts otherPosts) {
        if (classified.kind() == PostClassifier.Kind.FEEDBACK) {
            return IngestedPost.FEEDBACK;
        }
        if (classified.kind() == PostClassifier.Kind.QUESTION || otherPosts == OtherPosts.QUESTION) {
            return IngestedPost.QUESTION;
        }
        return null;
    }

    /** The original was edited: what it became is screened again and goes back to moderation. */
    private void revise(IngestedPost known, SocialPost post, Instant now) {
        known.edited(SecretTokens.hash(post.text()), post.editedAt(), now);
        if (IngestedPost.QUESTION.equals(known.contributionKind())) {
            questions.revise(known.contributionId(), post.text());
        } else if (IngestedPost.FEEDBACK.equals(known.contributionKind())) {
            PostClassifier.Classified classified = PostClassifier.classify(post.text());
            if (classified.kind() == PostClassifier.Kind.FEEDBACK) {
                feedback.revise(known.contributionId(), known.uri(), classified.rating(), post.text());
            } else {
                feedback.withdraw(known.contributionId(), known.uri()); // it no longer rates the session
            }
        }
    }

    /** The original was deleted: what it became is withdrawn for good. */
    private void withdraw(IngestedPost known, Instant now) {
        known.delete(now);
        if (IngestedPost.QUESTION.equals(known.contributionKind())) {
            questions.withdraw(known.contributionId());
        } else if (IngestedPost.FEEDBACK.equals(known.contributionKind())) {
            feedback.withdraw(known.contributionId(), known.uri());
        }
    }

    /** The URI of a post this source knows by its own id (a Mastodon status id), if it brought it before. */
    public Optional<String> uriOf(String sourceId, String localId) {
        return em.createNativeQuery("SELECT uri FROM source_post_id WHERE source_id = ? AND local_id = ?")
                .setParameter(1, sourceId).setParameter(2, localId)
                .getResultStream().map(String.class::cast).findFirst();
    }

    /** This source's own id for a post, if it brought it (a Mastodon status id; each instance has its own). */
    public Optional<String> localIdOf(String sourceId, String uri) {
        return em.createNativeQuery("SELECT local_id FROM source_post_id WHERE source_id = ? AND uri = ?")
                .setParameter(1, sourceId).setParameter(2, uri)
                .getResultStream().map(String.class::cast).findFirst();
    }

    /** A polled page, with the validators of the conditional GET that fetched it, in one transaction. */
    public Taken take(String sourceId, long leaseEpoch, SourcePage page, Instant nextPoll) {
        Taken taken = take(sourceId, leaseEpoch, page.posts(), page.deletedUris(), page.cursor(), nextPoll);
        if (page.etag() != null || page.lastModified() != null) {
            em.find(IngestSource.class, sourceId).validators(page.etag(), page.lastModified());
        }
        return taken;
    }

    /**
     * A relay's delivery: taken once per {@code webhook-id} (Standard Webhooks' idempotency key); empty when that id
     * was taken before.
     */
    public Optional<Taken> takeDelivery(String sourceId, String messageId, List<SocialPost> posts,
                                        List<String> deletedUris) {
        int first = em.createNativeQuery("INSERT IGNORE INTO webhook_message (source_id, message_id, received_at) "
                        + "VALUES (?, ?, ?)")
                .setParameter(1, sourceId).setParameter(2, messageId)
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        return first == 0 ? Optional.empty() : Optional.of(take(sourceId, null, posts, deletedUris, null, null));
    }

    /** Posts this source brought that are due to be asked about again, the longest overdue first, at most {@code limit}. */
    public List<Watched> dueForRecheck(String sourceId, Instant now, int limit) {
        return em.createNamedQuery(IngestedPost.FIND_DUE_FROM, IngestedPost.class).setParameter("source", sourceId)
                .setParameter("kinds", ASKABLE).setParameter("now", now).setMaxResults(limit).getResultStream()
                .map(Ingestion::watched).toList();
    }

    /**
     * Posts due to be asked about again that none of {@code sourceIds} brought (their source was stopped or removed),
     * the longest overdue first, at most {@code limit}.
     */
    public List<Watched> dueForRecheckElsewhere(Collection<String> sourceIds, Instant now, int limit) {
        var query = sourceIds.isEmpty() ? em.createNamedQuery(IngestedPost.FIND_DUE, IngestedPost.class)
                : em.createNamedQuery(IngestedPost.FIND_DUE_ELSEWHERE, IngestedPost.class)
                .setParameter("sources", sourceIds);
        return query.setParameter("kinds", ASKABLE).setParameter("now", now).setMaxResults(limit).getResultStream()
                .map(Ingestion::watched).toList();
    }

    /** Asks no more about these posts in the background (a confirmation before a highlight's step still asks). */
    public void stopWatching(Collection<IngestedPost.Key> keys) {
        Instant now = clock.instant();
        for (IngestedPost.Key key : keys) {
            IngestedPost post = em.find(IngestedPost.class, key);
            if (post != null) {
                post.stopWatching(now);
            }
        }
    }

    /** The posts behind these contributions that their sources can be asked about (not deleted). */
    public List<Watched> watchedFor(Collection<String> contributionIds) {
        if (contributionIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(IngestedPost.FIND_BY_CONTRIBUTIONS, IngestedPost.class)
                .setParameter("ids", contributionIds).getResultStream()
                .filter(p -> ASKABLE.contains(p.sourceKind())).map(Ingestion::watched).toList();
    }

    /**
     * What the source says of the posts now: a deleted one is withdrawn (as by a streaming {@code delete}), an edited
     * one screened again and back to moderation (as by a {@code status.update}); each is asked again at the time
     * given. In one transaction, without touching the source's polling state.
     */
    public Rechecked recheck(String sessionId, List<Original> originals, Map<String, Instant> nextChecks) {
        Instant now = clock.instant();
        List<String> withdrawn = new ArrayList<>();
        List<String> revised = new ArrayList<>();
        for (Original original : originals) {
            IngestedPost known = em.find(IngestedPost.class,
                    new IngestedPost.Key(sessionId, SecretTokens.hash(original.uri())), LockModeType.PESSIMISTIC_WRITE);
            if (known == null || known.deleted()) {
                continue;
            }
            if (original.isGone()) {
                withdraw(known, now);
                withdrawn.add(known.contributionId());
            } else if (known.changedBy(SecretTokens.hash(original.post().text()), original.post().editedAt())) {
                revise(known, original.post(), now);
                revised.add(known.contributionId());
            }
            known.checked(now, nextChecks.get(original.uri()), true);
        }
        return new Rechecked(List.copyOf(withdrawn), List.copyOf(revised));
    }

    /** Asks about these posts again only at {@code next} (nothing shows them now, or their source cannot be asked). */
    public void putOff(Collection<IngestedPost.Key> keys, Instant next) {
        for (IngestedPost.Key key : keys) {
            IngestedPost post = em.find(IngestedPost.class, key);
            if (post != null) {
                post.checked(clock.instant(), next, false);
            }
        }
    }

    private static Watched watched(IngestedPost p) {
        return new Watched(p.key(), p.sessionId(), p.uri(), p.contributionId(), p.sourceId(), p.sourceKind(),
                p.localId());
    }
}
