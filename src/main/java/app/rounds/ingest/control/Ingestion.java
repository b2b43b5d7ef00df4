package app.rounds.ingest.control;

import app.rounds.contributions.control.FeedbackBox;
import app.rounds.contributions.control.Questions;
import app.rounds.contributions.entity.Origin;
import app.rounds.contributions.entity.Provenance;
import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.IngestedPost;
import app.rounds.platform.control.SecretTokens;
import app.rounds.sessions.control.TrainingSessions;
import app.rounds.sessions.entity.OtherPosts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Takes a batch of posts from a source into its session, and moves the source's cursor past them, in one
 * transaction: either the contributions and the cursor are stored, or neither is and the batch comes again. A post is
 * known by its URI per session, so a batch that comes again, or the same post through another instance, changes
 * nothing; an edited original goes back to moderation, a deleted one is withdrawn for good. What a post becomes:
 * {@code #q} or a question mark makes a question, {@code #feedback} with a rating makes feedback, anything else what
 * the session sets (a question, or nothing).
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

    /**
     * Stores {@code posts} (new or edited) and {@code deletedUris}; then sets the cursor (when not null) and records the
     * success, with the next poll due at {@code nextPoll}.
     */
    public Taken take(String sourceId, List<SocialPost> posts, List<String> deletedUris, String cursor,
                      Instant nextPoll) {
        // one batch per source at a time, cluster-wide: the row lock orders them
        IngestSource source = em.find(IngestSource.class, sourceId, LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            return new Taken(0, 0, 0);
        }
        Instant now = clock.instant();
        OtherPosts otherPosts = sessions.summary(source.sessionId()).otherPosts();
        int added = 0;
        int revised = 0;
        int withdrawn = 0;
        // oldest first, so the moderation queue shows them in the order they were written
        for (SocialPost post : posts.stream().sorted(Comparator.comparing(SocialPost::createdAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
            if (post.localId() != null) {
                em.createNativeQuery("INSERT IGNORE INTO source_post_id (source_id, local_id, uri) VALUES (?, ?, ?)")
                        .setParameter(1, source.id()).setParameter(2, post.localId()).setParameter(3, post.uri())
                        .executeUpdate();
            }
            IngestedPost known = em.find(IngestedPost.class, key(source, post.uri()));
            String contentHash = SecretTokens.hash(post.text());
            if (known == null) {
                Provenance provenance = new Provenance(Origin.valueOf(source.kind().name()), post.authorHandle(),
                        post.url());
                PostClassifier.Classified classified = PostClassifier.classify(post.text());
                String kind = null;
                String id = null;
                if (classified.kind() == PostClassifier.Kind.FEEDBACK) {
                    kind = IngestedPost.FEEDBACK;
                    id = feedback.ingest(source.sessionId(), provenance, classified.rating(), post.text());
                } else if (classified.kind() == PostClassifier.Kind.QUESTION || otherPosts == OtherPosts.QUESTION) {
                    kind = IngestedPost.QUESTION;
                    id = questions.ingest(source.sessionId(), provenance, post.text());
                }
                em.persist(new IngestedPost(source.sessionId(), SecretTokens.hash(post.uri()), post.uri(), source.id(),
                        kind, id, contentHash, now));
                added += id == null ? 0 : 1;
            } else if (!known.deleted() && !known.contentHash().equals(contentHash)) {
                known.edited(contentHash, now);
                if (IngestedPost.QUESTION.equals(known.contributionKind())) {
                    questions.revise(known.contributionId(), post.text());
                } else if (IngestedPost.FEEDBACK.equals(known.contributionKind())) {
                    PostClassifier.Classified classified = PostClassifier.classify(post.text());
                    if (classified.kind() == PostClassifier.Kind.FEEDBACK) {
                        feedback.revise(known.contributionId(), classified.rating(), post.text());
                    }
                }
                revised++;
            }
        }
        for (String uri : deletedUris) {
            IngestedPost known = em.find(IngestedPost.class, key(source, uri));
            if (known == null) {
                // remembered, so that a late copy of the post (a backfill, another instance) is not taken
                IngestedPost tombstone = new IngestedPost(source.sessionId(), SecretTokens.hash(uri), uri, source.id(),
                        null, null, SecretTokens.hash(""), now);
                tombstone.delete(now);
                em.persist(tombstone);
            } else if (!known.deleted()) {
                known.delete(now);
                if (IngestedPost.QUESTION.equals(known.contributionKind())) {
                    questions.withdraw(known.contributionId());
                } else if (IngestedPost.FEEDBACK.equals(known.contributionKind())) {
                    feedback.withdraw(known.contributionId());
                }
                withdrawn++;
            }
        }
        source.advance(cursor == null ? source.cursor() : cursor, posts.stream().map(SocialPost::createdAt)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
        source.succeeded(now, nextPoll);
        return new Taken(added, revised, withdrawn);
    }

    /** The URI of a post this source knows by its own id (a Mastodon status id), if it brought it before. */
    public java.util.Optional<String> uriOf(String sourceId, String localId) {
        return em.createNativeQuery("SELECT uri FROM source_post_id WHERE source_id = ? AND local_id = ?")
                .setParameter(1, sourceId).setParameter(2, localId)
                .getResultStream().map(String.class::cast).findFirst();
    }

    /** A polled page, with the validators of the conditional GET that fetched it, in one transaction. */
    public Taken take(String sourceId, SourcePage page, Instant nextPoll) {
        Taken taken = take(sourceId, page.posts(), page.deletedUris(), page.cursor(), nextPoll);
        if (page.etag() != null || page.lastModified() != null) {
            em.find(IngestSource.class, sourceId).validators(page.etag(), page.lastModified());
        }
        return taken;
    }

    /**
     * A relay's delivery: taken once per {@code webhook-id} (Standard Webhooks' idempotency key); empty when that id
     * was taken before.
     */
    public java.util.Optional<Taken> takeDelivery(String sourceId, String messageId, List<SocialPost> posts,
                                                  List<String> deletedUris) {
        int first = em.createNativeQuery("INSERT IGNORE INTO webhook_message (source_id, message_id, received_at) "
                        + "VALUES (?, ?, ?)")
                .setParameter(1, sourceId).setParameter(2, messageId)
                .setParameter(3, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate();
        return first == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(take(sourceId, posts, deletedUris, null, null));
    }

    private static IngestedPost.Key key(IngestSource source, String uri) {
        return new IngestedPost.Key(source.sessionId(), SecretTokens.hash(uri));
    }
}
