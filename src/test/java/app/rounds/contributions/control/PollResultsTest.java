package app.rounds.contributions.control;

import app.rounds.contributions.control.PollResults.Score;
import app.rounds.contributions.control.PollViews.Leader;
import app.rounds.contributions.control.PollViews.Results;
import app.rounds.contributions.control.PollViews.WordCount;
import app.rounds.contributions.entity.EntryStatus;
import app.rounds.contributions.entity.Poll;
import app.rounds.contributions.entity.PollAnswer;
import app.rounds.contributions.entity.PollEntry;
import app.rounds.contributions.entity.PollKind;
import app.rounds.contributions.entity.PollSpec;
import app.rounds.contributions.entity.ScreeningRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static app.rounds.contributions.control.PollRulesTest.OPENED;
import static app.rounds.contributions.control.PollRulesTest.opened;
import static app.rounds.contributions.control.PollRulesTest.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PollResultsTest {

    static PollAnswer chose(Poll poll, String participant, Integer... choices) {
        return new PollAnswer(poll.id(), participant, List.of(choices), null, 0, OPENED);
    }

    static PollAnswer rated(Poll poll, String participant, int rating) {
        return new PollAnswer(poll.id(), participant, null, rating, 0, OPENED);
    }

    static PollEntry entry(Poll poll, String participant, String text, boolean held, int second) {
        String findings = held ? "[{\"start\":0,\"end\":4,\"reason\":\"PROFANITY\",\"label\":\"profanity or slur\","
                + "\"why\":\"x\"}]" : null;
        return new PollEntry(poll.id(), participant, text, WordCloudWords.folded(text, "en"),
                new ScreeningRecord(findings, null), false, false, OPENED.plusSeconds(second));
    }

    @Test
    void choicesAreCountedWithTheirShareOfEveryoneWhoAnswered() {
        Poll poll = opened(new PollSpec(PollKind.MULTIPLE_CHOICE, "Which apply?", options("a", "b", "c"), 3, null,
                null, null, null, null));
        Results results = PollResults.of(poll, List.of(chose(poll, "p1", 0, 1), chose(poll, "p2", 0),
                chose(poll, "p3", 2)), List.of(), Set.of(), List.of(), false);
        assertEquals(3, results.answered());
        assertEquals(List.of(2, 1, 1), results.options().stream().map(PollViews.OptionCount::count).toList());
        assertEquals(List.of(66.7, 33.3, 33.3), results.options().stream().map(PollViews.OptionCount::percent).toList(),
                "of those who answered: a multiple choice may add up to more than 100");
        assertNull(results.words());
        assertNull(results.moderation(), "the public gets counts only");
    }

    @Test
    void noAnswersIsZeroPercentNotAnError() {
        Poll poll = opened(PollRulesTest.spec(PollKind.SINGLE_CHOICE, options("a", "b")));
        Results results = PollResults.of(poll, List.of(), List.of(), Set.of(), List.of(), true);
        assertEquals(0.0, results.options().getFirst().percent());
    }

    @Test
    void aRatingHasItsDistributionAndMean() {
        Poll poll = opened(new PollSpec(PollKind.RATING, "t", null, null, 5, null, null, null, null));
        Results results = PollResults.of(poll, List.of(rated(poll, "p1", 5), rated(poll, "p2", 4),
                rated(poll, "p3", 4)), List.of(), Set.of(), List.of(), false);
        assertArrayEquals(new int[]{0, 0, 0, 2, 1}, results.rating().distribution());
        assertEquals(4.33, results.rating().mean());
    }

    @Test
    void theCloudCountsApprovedEntriesByTheirFoldedWordAsMostTypedIt() {
        Poll poll = opened(new PollSpec(PollKind.WORD_CLOUD, "t", null, null, null, null, null, "en", null));
        List<PollEntry> entries = new ArrayList<>(List.of(entry(poll, "p1", "Nurses", false, 1),
                entry(poll, "p2", "nurse", false, 2), entry(poll, "p3", "nurse", false, 3),
                entry(poll, "p4", "calm", false, 4), entry(poll, "p5", "damn", true, 5)));
        PollEntry hidden = entry(poll, "p6", "chaos", false, 6);
        hidden.moveTo(EntryStatus.HIDDEN, OPENED);
        entries.add(hidden);
        Results results = PollResults.of(poll, List.of(), entries, Set.of("chaos"), List.of(), false);
        assertEquals(List.of(new WordCount("nurse", 3), new WordCount("calm", 1)), results.words(),
                "held and hidden entries are not in the public cloud");
        // (findings are read with JSON-B, which unit tests lack: the held entry is left out here)
        List<PollEntry> readable = entries.stream().filter(e -> !e.screening().held()).toList();
        Results staff = PollResults.of(poll, List.of(), readable, Set.of("chaos"), List.of(), true);
        assertEquals(List.of("Nurses", "nurse", "nurse", "calm", "chaos"),
                staff.moderation().stream().map(PollViews.ModeratedEntry::text).toList(),
                "moderators see every entry, hidden ones too");
        assertEquals(List.of("chaos"), staff.hiddenWords());
    }

    @Test
    void openTextShowsApprovedAnswersNewestFirst() {
        Poll poll = opened(PollRulesTest.spec(PollKind.OPEN_TEXT, List.of()));
        List<PollEntry> entries = List.of(entry(poll, "p1", "first", false, 1), entry(poll, "p2", "second", false, 2),
                entry(poll, "p3", "held", true, 3));
        Results results = PollResults.of(poll, List.of(), entries, Set.of(), List.of(), false);
        assertEquals(List.of("second", "first"), results.entries().stream().map(PollViews.EntryView::text).toList());
    }

    @Test
    void aQuizLeaderboardIsPublicOnlyOnceItClosed() {
        Poll poll = opened(new PollSpec(PollKind.QUIZ, "t", options("a*", "b"), null, null, null, null, null, null));
        List<Score> scores = List.of(new Score("p1", "Sam", 900, OPENED));
        assertNull(PollResults.of(poll, List.of(), List.of(), Set.of(), scores, false).leaderboard());
        assertNotNull(PollResults.of(poll, List.of(), List.of(), Set.of(), scores, true).leaderboard());
        poll.close(OPENED.plusSeconds(30));
        assertEquals(List.of(new Leader(1, "Sam", 900)),
                PollResults.of(poll, List.of(), List.of(), Set.of(), scores, false).leaderboard());
    }

    @Test
    void theLeaderboardRanksByPointsThenByWhoFinishedFirstAndSharesRanksOnTies() {
        Instant t = OPENED;
        List<Leader> leaders = PollResults.leaderboard(List.of(new Score("a", "Ann", 800, t.plusSeconds(5)),
                new Score("b", "Ben", 1900, t), new Score("c", "Cat", 800, t.plusSeconds(2)),
                new Score("d", "Dee", 0, t)));
        assertEquals(List.of(new Leader(1, "Ben", 1900), new Leader(2, "Cat", 800), new Leader(2, "Ann", 800)),
                leaders, "no points: not on the board");
    }

    @Test
    void theLeaderboardShowsTheTopTen() {
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            scores.add(new Score("p" + i, "P" + i, 100 + i, OPENED));
        }
        assertEquals(10, PollResults.top(scores).size());
        assertEquals("p14", PollResults.top(scores).getFirst().participantId());
    }
}
