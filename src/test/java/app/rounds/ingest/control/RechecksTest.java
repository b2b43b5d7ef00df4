package app.rounds.ingest.control;

import app.rounds.contributions.control.ShownContributions;
import app.rounds.ingest.control.Ingestion.Original;
import app.rounds.ingest.control.Ingestion.Rechecked;
import app.rounds.ingest.control.Ingestion.Watched;
import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.IngestedPost;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.sessions.control.TrainingSessions;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The re-checks' choices, without a container: stand-ins for the store (a small in-memory model of
 * {@code ingested_post}), the sessions, the highlights (an observer of {@link WatchEnding}) and the sources' answers.
 * Each source's questions run on the test's thread.
 */
class RechecksTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** The posts Rounds watches, and what the re-checks did to them. */
    static final class StoredPosts extends Ingestion {
        final Map<IngestedPost.Key, Watched> posts = new LinkedHashMap<>();
        final Map<IngestedPost.Key, Instant> nextCheckAt = new HashMap<>();
        final Map<IngestedPost.Key, Instant> putOff = new HashMap<>();
        final List<IngestedPost.Key> stopped = new ArrayList<>();
        final List<String> queried = new ArrayList<>();
        final List<String> stored = new ArrayList<>();

        Watched add(IngestSource source, String name, Instant due) {
            Watched watched = new Watched(new IngestedPost.Key(source.sessionId(), name), source.sessionId(),
                    "https://" + name, "c-" + name, source.id(), source.kind(),
                    source.kind() == SourceKind.MASTODON ? "id-" + name : null);
            posts.put(watched.key(), watched);
            nextCheckAt.put(watched.key(), due);
            return watched;
        }

        private List<Watched> due(Predicate<Watched> which, Instant now, int limit) {
            return posts.values().stream().filter(which)
                    .filter(w -> !stopped.contains(w.key()) && !nextCheckAt.get(w.key()).isAfter(now))
                    .sorted(java.util.Comparator.comparing(w -> nextCheckAt.get(w.key()))).limit(limit).toList();
        }

        @Override
        public List<Watched> dueForRecheck(String sourceId, Instant now, int limit) {
            queried.add(sourceId);
            return due(w -> sourceId.equals(w.sourceId()), now, limit);
        }

        @Override
        public List<Watched> dueForRecheckElsewhere(Collection<String> sourceIds, Instant now, int limit) {
            return due(w -> !sourceIds.contains(w.sourceId()), now, limit);
        }

        @Override
        public void putOff(Collection<IngestedPost.Key> keys, Instant next) {
            keys.forEach(k -> {
                nextCheckAt.put(k, next);
                putOff.put(k, next);
            });
        }

        @Override
        public void stopWatching(Collection<IngestedPost.Key> keys) {
            stopped.addAll(keys);
        }

        @Override
        public Rechecked recheck(String sessionId, List<Original> originals, Map<String, Instant> nextChecks) {
            List<String> withdrawn = new ArrayList<>();
            for (Original original : originals) {
                Watched watched = posts.get(new IngestedPost.Key(sessionId, original.uri().substring(8)));
                stored.add(original.uri());
                nextCheckAt.put(watched.key(), nextChecks.get(original.uri()));
                if (original.isGone()) {
                    withdrawn.add(watched.contributionId());
                }
            }
            return new Rechecked(withdrawn, List.of());
        }

        @Override
        public List<Watched> watchedFor(Collection<String> contributionIds) {
            return posts.values().stream().filter(w -> contributionIds.contains(w.contributionId())).toList();
        }

        @Override
        public Optional<String> localIdOf(String sourceId, String uri) {
            return Optional.empty();
        }
    }

    /** How a stand-in source answers about one post. */
    interface Answer {
        Original about(String uri) throws IOException;
    }

    static Original unchanged(String uri) {
        return new Original(uri, new SocialPost(uri, uri, "@ana", "Which dressing?", NOW.minusSeconds(3600)));
    }

    final StoredPosts store = new StoredPosts();
    final List<String> asked = new ArrayList<>();
    final Map<String, Answer> answers = new HashMap<>();
    final List<IngestSource> enabled = new ArrayList<>();
    /** Sources another instance of the cluster polls (SourceLeases): this one does not ask about their posts. */
    final Set<String> polledElsewhere = new HashSet<>();
    final Map<String, Instant> endedAt = new HashMap<>();
    final List<WatchEnding> endings = new ArrayList<>();
    Consumer<WatchEnding> highlights = ending -> {
    };

    Original answer(String uri) throws IOException {
        asked.add(uri);
        return answers.getOrDefault(uri, RechecksTest::unchanged).about(uri);
    }

    IngestSource source(String sessionId, SourceKind kind, String host, boolean enable) {
        IngestSource source = new IngestSource(sessionId, kind, host, "https://" + host, null, null, "staff",
                NOW.minus(Duration.ofDays(30)));
        if (enable) {
            enabled.add(source);
        }
        return source;
    }

    Rechecks rechecks() {
        Rechecks rechecks = new Rechecks();
        rechecks.ingestion = store;
        rechecks.sources = new Sources() {
            @Override
            public List<IngestSource> polled() {
                return List.copyOf(enabled);
            }
        };
        rechecks.shown = new ShownContributions() {
            @Override
            public Map<String, Instant> shownAt(Collection<String> ids) {
                Map<String, Instant> shown = new HashMap<>();
                ids.forEach(id -> shown.put(id, NOW.minusSeconds(60)));
                return shown;
            }
        };
        rechecks.sessions = new TrainingSessions() {
            @Override
            public Set<String> endedBefore(Collection<String> sessionIds, Instant instant) {
                return Set.copyOf(sessionIds.stream().filter(id -> endedAt.containsKey(id)
                        && endedAt.get(id).isBefore(instant)).toList());
            }
        };
        rechecks.watchEnding = event(ending -> {
            endings.add(ending);
            highlights.accept(ending);
        });
        rechecks.mastodon = new MastodonStatuses() {
            @Override
            public Original status(IngestSource source, String uri, String localId) throws IOException {
                return answer(uri);
            }
        };
        rechecks.bluesky = new BlueskySearch() {
            @Override
            public List<Original> posts(IngestSource source, List<String> atUris) throws IOException {
                List<Original> originals = new ArrayList<>();
                for (String uri : atUris) {
                    originals.add(answer(uri));
                }
                return originals;
            }
        };
        rechecks.budgets = new RateBudgets();
        rechecks.leases = new SourceLeases() {
            @Override
            public boolean heldAtLastTick(String sourceId) {
                return !polledElsewhere.contains(sourceId);
            }
        };
        rechecks.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        rechecks.shortestSeconds = 60;
        rechecks.longestSeconds = 600;
        rechecks.perTick = 5;
        rechecks.tickMillis = 5000;
        rechecks.pollSeconds = 5;
        rechecks.afterEndDays = 7;
        rechecks.checks = Runnable::run;
        return rechecks;
    }

    static Event<WatchEnding> event(Consumer<WatchEnding> observer) {
        return new Event<>() {
            @Override
            public void fire(WatchEnding event) {
                observer.accept(event);
            }

            @Override
            public <U extends WatchEnding> CompletionStage<U> fireAsync(U event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <U extends WatchEnding> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Event<WatchEnding> select(Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <U extends WatchEnding> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <U extends WatchEnding> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void inAClusterOnlyThePostsOfTheSourcesThisInstancePollsAreAskedAbout() {
        IngestSource here = source("s1", SourceKind.MASTODON, "here.example", true);
        IngestSource elsewhere = source("s2", SourceKind.MASTODON, "elsewhere.example", true);
        polledElsewhere.add(elsewhere.id());
        store.add(here, "here.example/1", NOW);
        Watched theirs = store.add(elsewhere, "elsewhere.example/1", NOW);

        rechecks().tick();

        assertEquals(List.of("https://here.example/1"), asked, "the other instance asks about its source's posts");
        assertFalse(store.putOff.containsKey(theirs.key()), "and they are not put off here either");
    }

    @Test
    void aSourceWithMoreOverduePostsThanTheWindowDoesNotStarveTheOthers() {
        IngestSource busy = source("s1", SourceKind.MASTODON, "busy.example", true);
        IngestSource quiet = source("s2", SourceKind.MASTODON, "quiet.example", true);
        for (int i = 0; i < 600; i++) {
            store.add(busy, "busy.example/" + i, NOW.minus(Duration.ofHours(2)).plusSeconds(i));
        }
        Watched due = store.add(quiet, "quiet.example/1", NOW);
        Rechecks rechecks = rechecks();

        rechecks.tick();

        assertTrue(asked.contains(due.uri()), "the quiet source's post is asked at the first tick: " + asked);
        assertEquals(5, asked.stream().filter(u -> u.contains("busy.example")).count(), "the busy one: its bound");
        assertTrue(store.putOff.isEmpty(), "its posts beyond the bound wait, longest overdue first: " + store.putOff);
        assertEquals(NOW.plusSeconds(60), store.nextCheckAt.get(due.key()), "asked again after the shortest interval");
    }

    @Test
    void postsOfAStoppedSourceNotAskedThisTickGoToTheBackOfTheLine() {
        IngestSource stopped = source("s1", SourceKind.BLUESKY, "old.example", false);
        IngestSource asking = source("s1", SourceKind.BLUESKY, "bsky.example", true);
        for (int i = 0; i < 600; i++) {
            store.add(stopped, "old.example/" + i, NOW.minus(Duration.ofHours(2)).plusSeconds(i));
        }
        Rechecks rechecks = rechecks();
        rechecks.perTick = 1; // one getPosts call: 25 posts

        rechecks.tick();

        assertEquals(25, asked.size(), "asked by the session's other Bluesky source, within its bound");
        assertEquals(Rechecks.WINDOW - 25, store.putOff.size(), "the rest of the window waits for the next tick");
        assertTrue(store.putOff.values().stream().allMatch(NOW.plusMillis(5000)::equals), store.putOff.toString());
        List<String> first = List.copyOf(asked);

        asked.clear();
        rechecks.tick();
        assertEquals(25, asked.size());
        assertTrue(asked.stream().noneMatch(first::contains), "the next tick reaches posts the first did not");
        assertTrue(asked.contains("https://old.example/500"), "those beyond the first window come forward");
        assertTrue(store.queried.contains(asking.id()), "the asking source's own posts are looked for too");
    }

    @Test
    void aSourceStillAtItsLastTicksQuestionsIsLeftOutAndTheOthersAreAsked() {
        IngestSource a = source("s1", SourceKind.MASTODON, "a.example", true);
        IngestSource b = source("s1", SourceKind.MASTODON, "b.example", true);
        store.add(a, "a.example/1", NOW);
        store.add(b, "b.example/1", NOW);
        List<Runnable> running = new ArrayList<>();
        Rechecks rechecks = rechecks();
        rechecks.checks = running::add; // each source's questions: started, not finished

        rechecks.tick();
        assertEquals(2, running.size());
        running.removeFirst().run(); // one source finishes
        String finished = asked.getFirst().contains("a.example") ? a.id() : b.id();
        store.add(a, "a.example/2", NOW);
        store.add(b, "b.example/2", NOW);
        store.queried.clear();

        rechecks.tick();

        assertEquals(List.of(finished), store.queried, "the source still asking is not even looked at");
        assertEquals(2, running.size(), "the finished source is asked again; the other is still at its questions");
    }

    @Test
    void anAnswerThatCannotBeReadPutsThePostOffAndTheSourceGoesOnAsking() {
        IngestSource mastodon = source("s1", SourceKind.MASTODON, "social.example", true);
        IngestSource failing = source("s1", SourceKind.MASTODON, "down.example", true);
        Watched unreadable = store.add(mastodon, "social.example/1", NOW.minusSeconds(30));
        Watched broken = store.add(mastodon, "social.example/2", NOW.minusSeconds(20));
        Watched fine = store.add(mastodon, "social.example/3", NOW.minusSeconds(10));
        Watched unreachable = store.add(failing, "down.example/1", NOW);
        answers.put(unreadable.uri(), uri -> {
            throw new Unreadable("a status from social.example without its uri, visibility or account");
        });
        answers.put(broken.uri(), uri -> {
            throw new NullPointerException("a stand-in answer nothing foresaw");
        });
        answers.put(unreachable.uri(), uri -> {
            throw new IOException("HTTP 502 from down.example");
        });
        Rechecks rechecks = rechecks();

        rechecks.tick();

        assertEquals(List.of(fine.uri()), store.stored, "the source went on after the answers it could not read");
        assertEquals(NOW.plusSeconds(600), store.putOff.get(unreadable.key()), "put off to the longest interval");
        assertEquals(NOW.plusSeconds(600), store.putOff.get(broken.key()), "an unforeseen failure too");
        assertEquals(NOW.plusSeconds(60), store.putOff.get(unreachable.key()), "a source that failed: the shortest");

        asked.clear();
        rechecks.tick();
        assertEquals(List.of(), asked, "nothing is due: the unreadable post no longer comes first at every tick");
    }

    @Test
    void confirmingAsksEverySourceAndNamesEveryPostItCouldNotConfirm() {
        IngestSource down = source("s1", SourceKind.MASTODON, "down.example", true);
        IngestSource garbled = source("s1", SourceKind.MASTODON, "garbled.example", true);
        IngestSource sky = source("s1", SourceKind.BLUESKY, "bsky.example", true);
        IngestSource removed = source("s1", SourceKind.MASTODON, "removed.example", false);
        Watched a = store.add(down, "down.example/1", NOW.plusSeconds(60));
        Watched b = store.add(garbled, "garbled.example/1", NOW.plusSeconds(60));
        Watched c = store.add(sky, "bsky.example/1", NOW.plusSeconds(60));
        Watched gone = store.add(sky, "bsky.example/2", NOW.plusSeconds(60));
        Watched orphan = store.add(removed, "removed.example/1", NOW.plusSeconds(60));
        answers.put(a.uri(), uri -> {
            throw new IOException("HTTP 500 from down.example");
        });
        answers.put(b.uri(), uri -> {
            throw new ClassCastException("a number where a text was documented");
        });
        answers.put(gone.uri(), Original::gone);

        Rechecks.Unconfirmed unconfirmed = assertThrows(Rechecks.Unconfirmed.class, () -> rechecks().confirm(
                List.of(a.contributionId(), b.contributionId(), c.contributionId(), gone.contributionId(),
                        orphan.contributionId())));

        assertEquals(Set.of(a.contributionId(), b.contributionId(), orphan.contributionId()),
                Set.copyOf(unconfirmed.contributionIds()), "every source's failure, not the last one's");
        String why = unconfirmed.getMessage();
        assertTrue(why.contains("Mastodon at down.example did not answer") && why.contains("HTTP 500"), why);
        assertTrue(why.contains("Mastodon at garbled.example answered something Rounds cannot read"), why);
        assertTrue(why.contains("stopped or removed"), why);
        assertEquals(List.of(c.uri(), gone.uri()), store.stored, "what Bluesky said is stored all the same");
        assertNull(unconfirmed.retryAt());
    }

    @Test
    void confirmingTellsWhenEveryRateLimitedSourceMayAnswerAgain() {
        IngestSource first = source("s1", SourceKind.MASTODON, "first.example", true);
        IngestSource second = source("s1", SourceKind.MASTODON, "second.example", true);
        Watched a = store.add(first, "first.example/1", NOW);
        Watched b = store.add(second, "second.example/1", NOW);
        answers.put(a.uri(), uri -> {
            throw new RateLimited("rate limited (429)", NOW.plusSeconds(300));
        });
        answers.put(b.uri(), uri -> {
            throw new RateLimited("rate limited (429)", NOW.plusSeconds(120));
        });

        Rechecks.Unconfirmed unconfirmed = assertThrows(Rechecks.Unconfirmed.class, () -> rechecks().confirm(
                List.of(a.contributionId(), b.contributionId())));

        assertEquals(Set.of(a.contributionId(), b.contributionId()), Set.copyOf(unconfirmed.contributionIds()));
        assertEquals(NOW.plusSeconds(300), unconfirmed.retryAt(), "the later reset: both may answer by then");
    }

    @Test
    void postsOfASessionEndedLongAgoAreWatchedNoMoreUnlessAHighlightQuotesThem() {
        endedAt.put("old", NOW.minus(Duration.ofDays(8)));
        endedAt.put("recent", NOW.minus(Duration.ofDays(6)));
        IngestSource oldSource = source("old", SourceKind.MASTODON, "old.example", true);
        IngestSource recentSource = source("recent", SourceKind.BLUESKY, "bsky.example", true);
        Watched quoted = store.add(oldSource, "old.example/quoted", NOW);
        Watched forgotten = store.add(oldSource, "old.example/forgotten", NOW);
        Watched recent = store.add(recentSource, "bsky.example/recent", NOW);
        highlights = ending -> ending.quoted(List.of(quoted.contributionId(), "c-not-asked-about"));
        Rechecks rechecks = rechecks();

        rechecks.tick();

        assertEquals(1, endings.size());
        assertEquals(Set.of(quoted.contributionId(), forgotten.contributionId()),
                Set.copyOf(endings.getFirst().contributionIds()), "only the long-ended session's posts");
        assertEquals(Set.of(quoted.contributionId()), endings.getFirst().stillQuoted());
        assertEquals(List.of(forgotten.key()), store.stopped);
        assertEquals(Set.of(quoted.uri(), recent.uri()), Set.copyOf(asked));
        assertFalse(store.putOff.containsKey(forgotten.key()));
    }
}
