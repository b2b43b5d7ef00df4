package app.rounds.contributions.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.board.control.Board;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import app.rounds.contributions.control.PollRules.CheckedAnswer;
import app.rounds.contributions.control.PollViews.OwnAnswer;
import app.rounds.contributions.control.PollViews.OwnEntry;
import app.rounds.contributions.control.PollViews.PollView;
import app.rounds.contributions.control.PollViews.PollWithResults;
import app.rounds.contributions.control.PollViews.Results;
import app.rounds.contributions.entity.EntryStatus;
import app.rounds.contributions.entity.Poll;
import app.rounds.contributions.entity.PollAnswer;
import app.rounds.contributions.entity.PollEntry;
import app.rounds.contributions.entity.PollKind;
import app.rounds.contributions.entity.PollSpec;
import app.rounds.contributions.entity.PollState;
import app.rounds.platform.control.ProblemException;
import app.rounds.screening.control.Screener;
import app.rounds.sessions.control.Participants.Joined;
import app.rounds.sessions.control.SessionChanged;
import app.rounds.sessions.entity.ModerationMode;
import app.rounds.sessions.entity.Participant;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Polls, quizzes and word clouds: presenters prepare them, open one at a time beside the Q&A, close, reopen and show
 * or hide the results; each participant answers once and may change the answer while the poll is open. Every change
 * of a poll goes to both board streams in its transaction (poll.opened, poll.closed, poll.updated on moderation,
 * poll.results, poll.hidden and poll.removed); answers are counted at the next tick ({@link PollTally}), so a hall
 * answering at once costs one count and one frame per tick. Staff decisions are audited.
 */
@ApplicationScoped
@Transactional
public class Polls {

    private static final String READ_ONLY = "eclipselink.read-only";

    /** What a trainee sees of the session's current poll: the poll, their answer, and the results if shown. */
    public record TraineePoll(PollView poll, OwnAnswer answer, Results results) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Board board;

    @Inject
    AuditLog audit;

    @Inject
    Screener screener;

    @Inject
    Event<PollAnswered> answered;

    @Inject
    Clock clock;

    // --- preparing ---------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PollWithResults> forStaff(String sessionId) {
        return polls(sessionId).stream().map(p -> new PollWithResults(PollViews.moderated(p), results(p, true)))
                .toList();
    }

    public PollView prepare(String sessionId, PollSpec spec, String actor) {
        Poll poll = new Poll(sessionId, nextPosition(sessionId), PollRules.checked(spec), clock.instant());
        em.persist(poll);
        audit.record(actor, "poll.prepared", subject(poll), Map.of("kind", poll.kind()));
        return toStaff(poll);
    }

    public PollView edit(String sessionId, String pollId, PollSpec spec, String actor) {
        Poll poll = pollOf(sessionId, pollId);
        if (poll.used()) {
            throw ProblemException.conflict("poll-already-opened", "This poll has been opened, so what it asks can "
                    + "no longer change: duplicate it and change the copy.");
        }
        poll.edit(PollRules.checked(spec), clock.instant());
        audit.record(actor, "poll.edited", subject(poll), Map.of("kind", poll.kind()));
        return toStaff(poll);
    }

    /** A copy of the poll at the end of the list, prepared (never opened), whatever the original's state. */
    public PollView duplicate(String sessionId, String pollId, String actor) {
        Poll original = pollOf(sessionId, pollId);
        Poll copy = new Poll(sessionId, nextPosition(sessionId), original.spec(), clock.instant());
        em.persist(copy);
        audit.record(actor, "poll.prepared", subject(copy), Map.of("kind", copy.kind(), "copyOf", original.id()));
        return toStaff(copy);
    }

    /** Copies every poll of another session (the caller checked the actor may see it), in order, after these. */
    public List<PollView> copyFrom(String sessionId, String fromSessionId, String actor) {
        if (sessionId.equals(fromSessionId)) {
            throw ProblemException.invalidField("fromSessionId", "Choose another session to copy its polls from.");
        }
        List<PollView> copies = new ArrayList<>();
        for (Poll original : polls(fromSessionId)) {
            Poll copy = new Poll(sessionId, nextPosition(sessionId), original.spec(), clock.instant());
            em.persist(copy);
            em.flush(); // the next position reads this one
            copies.add(toStaff(copy));
        }
        audit.record(actor, "poll.copied", new AuditLog.Subject("session", sessionId, sessionId),
                Map.of("from", fromSessionId, "polls", copies.size()));
        return copies;
    }

    /** Puts the session's polls in this order; {@code pollIds} must name each of them once. */
    public List<PollView> reorder(String sessionId, List<String> pollIds, String actor) {
        List<Poll> polls = polls(sessionId);
        Map<String, Poll> byId = polls.stream().collect(Collectors.toMap(Poll::id, Function.identity()));
        if (pollIds.size() != polls.size() || !byId.keySet().equals(new HashSet<>(pollIds))) {
            throw ProblemException.invalidField("pollIds", "Name each of the session's " + polls.size()
                    + " polls once, in the new order; reload if another presenter changed them.");
        }
        for (int i = 0; i < pollIds.size(); i++) {
            byId.get(pollIds.get(i)).moveTo(i + 1);
        }
        audit.record(actor, "poll.reordered", new AuditLog.Subject("session", sessionId, sessionId), Map.of());
        return pollIds.stream().map(byId::get).map(this::toStaff).toList();
    }

    /** Deletes a poll that is not open: it leaves the moderation stream, and the public one if it was ever opened. */
    public void delete(String sessionId, String pollId, String actor) {
        Poll poll = pollOf(sessionId, pollId);
        if (poll.state() == PollState.OPEN) {
            throw ProblemException.conflict("poll-open", "Close the poll before deleting it.");
        }
        board.append(sessionId, Stream.MODERATION, Frames.POLL_REMOVED, poll.id(), new PollViews.Removed(poll.id()));
        if (poll.used()) {
            board.append(sessionId, Stream.PUBLIC, Frames.POLL_REMOVED, poll.id(), new PollViews.Removed(poll.id()));
        }
        audit.record(actor, "poll.deleted", subject(poll), Map.of("title", poll.title()));
        em.remove(poll);
    }

    // --- running -----------------------------------------------------------------------------------------------

    /** Opens the poll for answers (again), closing the one open before: one poll at a time. */
    public PollView open(String sessionId, String pollId, String actor) {
        Poll poll = pollOf(sessionId, pollId);
        TrainingSession session = em.find(TrainingSession.class, sessionId);
        if (session.status() == SessionStatus.ENDED) {
            throw ProblemException.conflict("session-ended", "This session has ended.");
        }
        if (poll.state() == PollState.OPEN) {
            return PollViews.moderated(poll);
        }
        for (Poll other : openPolls(sessionId)) {
            close(other, actor);
        }
        poll.open(clock.instant());
        audit.record(actor, "poll.opened", subject(poll), Map.of());
        appendBoth(poll, Frames.POLL_OPENED);
        publishResults(poll);
        return PollViews.moderated(poll);
    }

    public PollView close(String sessionId, String pollId, String actor) {
        Poll poll = pollOf(sessionId, pollId);
        if (poll.state() == PollState.OPEN) {
            close(poll, actor);
        }
        return PollViews.moderated(poll);
    }

    private void close(Poll poll, String actor) {
        poll.close(clock.instant());
        audit.record(actor, "poll.closed", subject(poll), Map.of());
        appendBoth(poll, Frames.POLL_CLOSED);
        publishResults(poll); // a quiz's leaderboard goes public now
    }

    /** Shows the results on the projector and trainees' phones, or takes them off (poll.hidden on the public stream). */
    public PollView showResults(String sessionId, String pollId, boolean shown, String actor) {
        Poll poll = pollOf(sessionId, pollId);
        if (poll.showResults(shown, clock.instant())) {
            audit.record(actor, shown ? "poll.results-shown" : "poll.results-hidden", subject(poll), Map.of());
            board.append(sessionId, Stream.MODERATION, Frames.POLL_UPDATED, poll.id(), PollViews.moderated(poll));
            if (shown) {
                board.append(sessionId, Stream.PUBLIC, Frames.POLL_RESULTS, poll.id(), results(poll, false));
            } else {
                board.append(sessionId, Stream.PUBLIC, Frames.POLL_HIDDEN, poll.id(), new PollViews.Removed(poll.id()));
            }
        }
        return PollViews.moderated(poll);
    }

    /** An ended session's open poll closes with it. */
    void onSessionChanged(@Observes SessionChanged changed) {
        if (changed.summary().status() == SessionStatus.ENDED) {
            openPolls(changed.sessionId()).forEach(p -> close(p, AuditLog.SYSTEM));
        }
    }

    /** Closes the polls whose time ran out; returns how many. */
    public int closeExpired() {
        List<String> expired = em.createNamedQuery(Poll.FIND_EXPIRED, String.class)
                .setParameter("now", clock.instant()).getResultList();
        for (String id : expired) {
            Poll poll = em.find(Poll.class, id);
            if (poll != null && poll.state() == PollState.OPEN) {
                close(poll, AuditLog.SYSTEM);
            }
        }
        return expired.size();
    }

    // --- moderating free text ----------------------------------------------------------------------------------

    /** Approves an entry (it shows), hides it, or sends it back to wait; a word cloud's or an open text's. */
    public Results moderateEntry(String sessionId, String pollId, String entryId, EntryStatus next, String actor) {
        Poll poll = pollOf(sessionId, pollId);
        PollEntry entry = em.find(PollEntry.class, entryId);
        if (entry == null || !entry.pollId().equals(poll.id())) {
            throw ProblemException.notFound("entry-not-found", "There is no such answer in this poll.");
        }
        EntryStatus before = entry.status();
        if (entry.moveTo(next, clock.instant())) {
            audit.record(actor, "poll.entry-moderated", subject(poll), Map.of("entry", entryId, "from", before,
                    "to", next));
            em.flush();
            publishResults(poll);
        }
        return results(poll, true);
    }

    /**
     * Takes a word out of a word cloud (every entry that folds to it, now and later), or puts it back: entries that
     * screening held then wait for a moderator again, the others show.
     */
    public Results hideWord(String sessionId, String pollId, String typed, boolean hidden, String actor) {
        Poll poll = pollOf(sessionId, pollId);
        if (poll.kind() != PollKind.WORD_CLOUD) {
            throw ProblemException.conflict("not-a-word-cloud", "Only a word cloud has words to hide.");
        }
        String word = typed == null ? null : WordCloudWords.folded(typed, poll.language());
        if (word == null) {
            throw ProblemException.invalidField("word", "Name a word of the cloud.");
        }
        Instant now = clock.instant();
        boolean changed;
        if (hidden) {
            changed = em.createNativeQuery("INSERT IGNORE INTO poll_hidden_word (poll_id, word) VALUES (?, ?)")
                    .setParameter(1, poll.id()).setParameter(2, word).executeUpdate() > 0;
            em.createNamedQuery(PollEntry.HIDE_WORD).setParameter("poll", poll.id()).setParameter("word", word)
                    .setParameter("now", now).executeUpdate();
        } else {
            changed = em.createNativeQuery("DELETE FROM poll_hidden_word WHERE poll_id = ? AND word = ?")
                    .setParameter(1, poll.id()).setParameter(2, word).executeUpdate() > 0;
            entries(poll).stream().filter(e -> word.equals(e.word()) && e.status() == EntryStatus.HIDDEN)
                    .forEach(e -> e.moveTo(e.screening().held() ? EntryStatus.PENDING : EntryStatus.APPROVED, now));
        }
        em.flush();
        em.clear(); // the bulk update changed entries behind the persistence context
        poll = pollOf(sessionId, pollId);
        if (changed) {
            audit.record(actor, hidden ? "poll.word-hidden" : "poll.word-shown", subject(poll), Map.of("word", word));
            publishResults(poll);
        }
        return results(poll, true);
    }

    // --- answering ---------------------------------------------------------------------------------------------

    /** The session's current poll for a trainee: the open one, else the one closed last; empty before any opened. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TraineePoll> current(Joined trainee) {
        return currentPoll(trainee.session().id()).map(poll -> new TraineePoll(PollViews.publicView(poll),
                ownAnswer(poll, trainee.participant().id()).orElse(null),
                poll.resultsShown() ? results(poll, false) : null));
    }

    /**
     * Takes a participant's answer, or their changed answer, while the poll is open and its time not up: free text
     * (words, an open text), screened, where an entry that screening holds (or, in a pre-moderated session, any open
     * text) waits for a moderator. Choices and ratings come in batches ({@link PollAnswerQueue}). Callers run it in
     * {@link app.rounds.platform.control.Conflicts#retried}.
     */
    public OwnAnswer answer(Joined trainee, String pollId, PollRules.Answer given) {
        Questions.ensureOpen(trainee);
        // changed between this read and the INSERT: a new transaction reads it again (Conflicts.retried), and refuses
        // the answer then if it closed
        return storeAnswer(trainee, em.find(Poll.class, pollId), given).orElseThrow(() -> new OptimisticLockException(
                "The poll changed while an answer to it was stored"));
    }

    /** Refuses an answer to a poll that is not in the trainee's session (404) or that takes none at {@code at} (409). */
    static void ensureAccepting(Poll poll, Joined trainee, Instant at) {
        if (poll == null || !poll.sessionId().equals(trainee.session().id()) || !poll.used()) {
            throw ProblemException.notFound("poll-not-found", "There is no such poll in your session.");
        }
        if (!poll.accepting(at)) {
            throw closedMeanwhile();
        }
    }

    /** Stores the answer if the poll is still at {@code poll}'s version; empty if it changed since it was read. */
    private Optional<OwnAnswer> storeAnswer(Joined trainee, Poll poll, PollRules.Answer given) {
        Instant now = clock.instant();
        ensureAccepting(poll, trainee, now);
        CheckedAnswer answer = PollRules.checked(poll, given);
        String participantId = trainee.participant().id();
        if (poll.kind().freeText()) {
            // replacing entries is a delete and inserts: one participant's answers one after another (a double tap,
            // two tabs), their own row the lock; a choice or a rating is one upsert, atomic by itself
            em.createNativeQuery("SELECT id FROM participant WHERE id = ? FOR UPDATE").setParameter(1, participantId)
                    .getResultList();
        }
        int stored = em.createNativeQuery("INSERT INTO poll_answer (poll_id, participant_id, choices, rating, points, "
                        + "answered_at) SELECT ?, ?, ?, ?, ?, ? FROM poll WHERE id = ? AND version = ? "
                        + "ON DUPLICATE KEY UPDATE choices = VALUES(choices), rating = VALUES(rating), "
                        + "points = VALUES(points), answered_at = VALUES(answered_at)")
                .setParameter(1, poll.id())
                .setParameter(2, participantId)
                .setParameter(3, PollAnswer.storedChoices(answer.choices()))
                .setParameter(4, answer.rating())
                .setParameter(5, PollRules.points(poll, answer.choices(), now))
                .setParameter(6, Timestamp.from(now))
                .setParameter(7, poll.id())
                .setParameter(8, poll.version())
                .executeUpdate();
        if (stored == 0) {
            return Optional.empty();
        }
        List<OwnEntry> entries = poll.kind().freeText() ? replaceEntries(poll, trainee, answer, now) : List.of();
        answered.fire(new PollAnswered(poll.sessionId(), poll.id()));
        // what was just stored, without reading it back: a hall answering at once pays for every read
        return Optional.of(new OwnAnswer(poll.id(), poll.kind().chooses() ? answer.choices() : null, answer.rating(),
                poll.kind() == PollKind.WORD_CLOUD ? entries : null,
                poll.kind() == PollKind.OPEN_TEXT ? entries.getFirst() : null, null, now));
    }

    private static ProblemException closedMeanwhile() {
        return ProblemException.conflict("poll-closed", "This poll is closed: answers are no longer taken.");
    }

    /** Replaces the participant's entries of a free-text poll with these; returns them as the trainee sees them. */
    private List<OwnEntry> replaceEntries(Poll poll, Joined trainee, CheckedAnswer answer, Instant now) {
        String participantId = trainee.participant().id();
        em.createNamedQuery(PollEntry.DELETE_OWN).setParameter("poll", poll.id())
                .setParameter("participant", participantId).executeUpdate();
        List<PollEntry> entries = new ArrayList<>();
        if (poll.kind() == PollKind.WORD_CLOUD) {
            Set<String> hidden = hiddenWords(poll);
            for (PollRules.Word word : answer.words()) {
                entries.add(new PollEntry(poll.id(), participantId, word.typed(), word.folded(),
                        Findings.recorded(screener.screen(word.typed())), false, hidden.contains(word.folded()), now));
            }
        } else {
            boolean preModerated = trainee.session().moderationMode() == ModerationMode.PRE_MODERATION;
            entries.add(new PollEntry(poll.id(), participantId, answer.text(), null,
                    Findings.recorded(screener.screen(answer.text())), preModerated, false, now));
        }
        entries.forEach(em::persist);
        return entries.stream().map(e -> new OwnEntry(e.text(), e.status() == EntryStatus.APPROVED)).toList();
    }

    private Optional<OwnAnswer> ownAnswer(Poll poll, String participantId) {
        Optional<PollAnswer> answer = em.createNamedQuery(PollAnswer.FIND_ONE, PollAnswer.class)
                .setParameter("poll", poll.id()).setParameter("participant", participantId)
                .getResultStream().findFirst();
        return answer.map(a -> {
            List<OwnEntry> entries = poll.kind().freeText()
                    ? em.createNamedQuery(PollEntry.FIND_OWN, PollEntry.class).setParameter("poll", poll.id())
                    .setParameter("participant", participantId).getResultStream()
                    .map(e -> new OwnEntry(e.text(), e.status() == EntryStatus.APPROVED)).toList()
                    : List.of();
            boolean wordCloud = poll.kind() == PollKind.WORD_CLOUD;
            return new OwnAnswer(poll.id(), poll.kind().chooses() ? a.choices() : null, a.rating(),
                    wordCloud ? entries : null,
                    poll.kind() == PollKind.OPEN_TEXT && !entries.isEmpty() ? entries.getFirst() : null,
                    poll.kind() == PollKind.QUIZ && poll.state() == PollState.CLOSED ? a.points() : null,
                    a.answeredAt());
        });
    }

    // --- results -----------------------------------------------------------------------------------------------

    /**
     * Counts the poll's answers now and sends the results: always to moderators, to the public stream while they are
     * shown. Each results frame replaces the earlier ones of the poll in the stored log (see Board).
     */
    public void publishResults(String pollId) {
        // a locking read first, so that what follows sees the poll as last committed: a tick that read it while a
        // close committed would append results counted as still open after the close's, and replace its leaderboard
        // in the stored log before a client pulled it (PollsIT's quiz, once in CI). Shared, not FOR UPDATE: answers
        // read the poll in share mode too (their INSERT ... SELECT) and are not held up by it
        if (em.createNativeQuery("SELECT id FROM poll WHERE id = ? LOCK IN SHARE MODE").setParameter(1, pollId)
                .getResultList().isEmpty()) {
            return;
        }
        Poll poll = em.find(Poll.class, pollId);
        if (poll != null) {
            // nothing written before in this transaction: the rows can be read without copies to track
            publish(poll, counted(poll, true));
        }
    }

    private void publishResults(Poll poll) {
        publish(poll, counted(poll, false));
    }

    private void publish(Poll poll, Counted counted) {
        board.append(poll.sessionId(), Stream.MODERATION, Frames.POLL_RESULTS, poll.id(), counted.results(poll, true));
        if (poll.resultsShown()) {
            board.append(poll.sessionId(), Stream.PUBLIC, Frames.POLL_RESULTS, poll.id(), counted.results(poll, false));
        }
    }

    /** The results as a stream may show them: all for staff, counts and approved entries for the public. */
    Results results(Poll poll, boolean forStaff) {
        return counted(poll, false).results(poll, forStaff);
    }

    /** What a poll's results are counted from, read once for both streams. */
    private record Counted(List<PollAnswer> answers, List<PollEntry> entries, Set<String> hidden,
                           List<PollResults.Score> scores) {

        Results results(Poll poll, boolean forStaff) {
            return PollResults.of(poll, answers, entries, hidden, scores, forStaff);
        }
    }

    /**
     * {@code readOnly}: the rows are read without copies for the persistence context to track (the tick's count of a
     * hall's answers), which also means outside this transaction's own changes: only where it has made none.
     */
    private Counted counted(Poll poll, boolean readOnly) {
        List<PollAnswer> answers = em.createNamedQuery(PollAnswer.FIND_BY_POLL, PollAnswer.class)
                .setParameter("poll", poll.id()).setHint(READ_ONLY, readOnly).getResultList();
        List<PollEntry> entries = poll.kind().freeText()
                ? em.createNamedQuery(PollEntry.FIND_BY_POLL, PollEntry.class).setParameter("poll", poll.id())
                .setHint(READ_ONLY, readOnly).getResultList()
                : List.of();
        Set<String> hidden = poll.kind() == PollKind.WORD_CLOUD ? hiddenWords(poll) : Set.of();
        List<PollResults.Score> scores = poll.kind() == PollKind.QUIZ ? scores(poll.sessionId()) : List.of();
        return new Counted(answers, entries, hidden, scores);
    }

    /** The session's quiz scores, the top ones named (screened names only; others get their pseudonym). */
    private List<PollResults.Score> scores(String sessionId) {
        List<PollResults.Score> all = em.createNamedQuery(PollAnswer.POINTS_IN_SESSION, Object[].class)
                .setParameter("session", sessionId).getResultStream()
                .map(row -> new PollResults.Score((String) row[0], null, ((Number) row[1]).intValue(),
                        (Instant) row[2]))
                .toList();
        List<PollResults.Score> top = PollResults.top(all);
        if (top.isEmpty()) {
            return top;
        }
        Map<String, String> names = new LinkedHashMap<>();
        em.createQuery("SELECT p FROM Participant p WHERE p.id IN :ids", Participant.class)
                .setParameter("ids", top.stream().map(PollResults.Score::participantId).toList())
                .getResultStream().forEach(p -> names.put(p.id(), leaderboardName(p)));
        return top.stream().map(s -> new PollResults.Score(s.participantId(),
                names.getOrDefault(s.participantId(), PollRules.pseudonym(s.participantId())), s.points(),
                s.lastAnswer())).toList();
    }

    /** A participant's own name when they gave one that screening passes, else their pseudonym: it goes on screen. */
    private String leaderboardName(Participant participant) {
        String name = participant.displayName();
        boolean usable = name != null && !name.isBlank() && screener.screen(name).findings().isEmpty();
        return usable ? name.strip() : PollRules.pseudonym(participant.id());
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** For the public board's snapshot: the current poll, with its results when shown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PollWithResults currentForPublic(String sessionId) {
        return currentPoll(sessionId).map(p -> new PollWithResults(PollViews.publicView(p),
                p.resultsShown() ? results(p, false) : null)).orElse(null);
    }

    /** The poll results and answers of a closed or open poll for a per-poll export, staff only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PollWithResults forExport(String sessionId, String pollId) {
        Poll poll = pollOf(sessionId, pollId);
        return new PollWithResults(PollViews.moderated(poll), results(poll, true));
    }

    /**
     * A poll of the session as a highlight may show it: its public view and public results, without a quiz's
     * leaderboard (names of trainees who never agreed to be published). Empty when there is no such poll.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PollWithResults> forHighlight(String sessionId, String pollId) {
        Poll poll = em.find(Poll.class, pollId);
        if (poll == null || !poll.sessionId().equals(sessionId)) {
            return Optional.empty();
        }
        Results results = results(poll, false);
        return Optional.of(new PollWithResults(PollViews.publicView(poll), new Results(results.pollId(),
                results.kind(), results.answered(), results.options(), results.rating(), results.words(),
                results.entries(), null, null, null)));
    }

    /** The session's closed polls whose results a highlight may show (counts: not open text), in their order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PollView> publishable(String sessionId) {
        return polls(sessionId).stream().filter(p -> p.state() == PollState.CLOSED && p.kind() != PollKind.OPEN_TEXT)
                .map(PollViews::publicView).toList();
    }

    private Optional<Poll> currentPoll(String sessionId) {
        List<Poll> used = polls(sessionId).stream().filter(Poll::used).toList();
        return used.stream().filter(p -> p.state() == PollState.OPEN).findFirst()
                .or(() -> used.stream().max(Comparator.comparing(Poll::closedAt)));
    }

    private List<Poll> polls(String sessionId) {
        return em.createNamedQuery(Poll.FIND_BY_SESSION, Poll.class).setParameter("session", sessionId)
                .getResultList();
    }

    private List<Poll> openPolls(String sessionId) {
        return em.createNamedQuery(Poll.FIND_OPEN, Poll.class).setParameter("session", sessionId).getResultList();
    }

    private List<PollEntry> entries(Poll poll) {
        return em.createNamedQuery(PollEntry.FIND_BY_POLL, PollEntry.class).setParameter("poll", poll.id())
                .getResultList();
    }

    private Set<String> hiddenWords(Poll poll) {
        @SuppressWarnings("unchecked")
        List<String> words = em.createNativeQuery("SELECT word FROM poll_hidden_word WHERE poll_id = ?")
                .setParameter(1, poll.id()).getResultList();
        return Set.copyOf(words);
    }

    private Poll pollOf(String sessionId, String pollId) {
        Poll poll = em.find(Poll.class, pollId);
        if (poll == null || !poll.sessionId().equals(sessionId)) {
            throw ProblemException.notFound("poll-not-found", "There is no poll '" + pollId + "' in this session.");
        }
        return poll;
    }

    private int nextPosition(String sessionId) {
        Integer last = em.createNamedQuery(Poll.LAST_POSITION, Integer.class).setParameter("session", sessionId)
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }

    /** A poll prepared or changed before it runs: other presenters' boards hear of it (poll.updated). */
    private PollView toStaff(Poll poll) {
        PollView view = PollViews.moderated(poll);
        board.append(poll.sessionId(), Stream.MODERATION, Frames.POLL_UPDATED, poll.id(), view);
        return view;
    }

    private void appendBoth(Poll poll, String type) {
        board.append(poll.sessionId(), Stream.MODERATION, type, poll.id(), PollViews.moderated(poll));
        board.append(poll.sessionId(), Stream.PUBLIC, type, poll.id(), PollViews.publicView(poll));
    }

    private static AuditLog.Subject subject(Poll poll) {
        return new AuditLog.Subject("poll", poll.id(), poll.sessionId());
    }
}
