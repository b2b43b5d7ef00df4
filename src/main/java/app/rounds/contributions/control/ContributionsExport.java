package app.rounds.contributions.control;

import app.rounds.contributions.entity.Feedback;
import app.rounds.contributions.entity.Question;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A session's questions, feedback and polls as CSV (RFC 4180), at any time: one row per question, then one per
 * feedback, then per poll one row for the poll (its question, state and how many answered) and one per option, rating,
 * word or open-text answer ({@link PollsExport#rows}: the count in {@code votes}, CORRECT in {@code status} for a
 * quiz's correct options).
 * Cells that a spreadsheet would read as a formula (=, +, -, @, also after blank or invisible characters; tab, CR)
 * are prefixed with an apostrophe, so an export cannot run anything when opened.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContributionsExport {

    static final String[] HEADER = {"kind", "id", "created_at", "updated_at", "status", "answered", "pinned", "archived",
            "votes", "rating", "author", "text", "screening"};

    @PersistenceContext
    EntityManager em;

    /** What one export holds, read at once so that its counts and its rows agree. */
    public record Contents(List<Question> questions, List<Feedback> feedback, List<PollViews.PollWithResults> polls) {

        /** Writes and flushes, but leaves {@code out} open: it belongs to the caller. */
        public void writeTo(Writer out) throws IOException {
            // not closed: closing the printer would close the caller's stream
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            for (Question q : questions) {
                csv.printRecord(row(q));
            }
            for (Feedback f : feedback) {
                csv.printRecord(row(f));
            }
            for (PollViews.PollWithResults poll : polls) {
                csv.printRecords(rows(poll));
            }
            csv.flush();
        }
    }

    @Inject
    Polls polls;

    public Contents of(String sessionId) {
        return new Contents(em.createNamedQuery(Question.FIND_BY_SESSION, Question.class)
                .setParameter("session", sessionId).getResultList(),
                em.createNamedQuery(Feedback.FIND_BY_SESSION, Feedback.class)
                        .setParameter("session", sessionId).getResultList(),
                polls.forStaff(sessionId).stream().filter(p -> p.poll().openedAt() != null).toList());
    }

    static List<Object> row(Question q) {
        return List.of("question", q.id(), time(q.createdAt()), time(q.updatedAt()), q.status(), q.answered(),
                q.pinned(), q.archived(), q.votes(), "", cell(q.authorName()), cell(q.text()),
                reasons(q.screening().findings()));
    }

    static List<Object> row(Feedback f) {
        return List.of("feedback", f.id(), time(f.createdAt()), time(f.updatedAt()), "", "", "", "", "", f.rating(), "",
                cell(f.comment()), reasons(f.screening().findings()));
    }

    /** A poll that was opened: its own row, then one per line of its results. */
    static List<List<Object>> rows(PollViews.PollWithResults poll) {
        PollViews.PollView view = poll.poll();
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("poll", view.id(), time(view.openedAt()), time(view.closedAt()), view.state(), "", "", "",
                poll.results().answered(), "", "", cell(view.title()), ""));
        for (PollsExport.Row row : PollsExport.rows(poll)) {
            String status = Boolean.TRUE.equals(row.correct()) ? "CORRECT" : row.status() == null ? "" : row.status();
            rows.add(List.of("poll-answer", view.id(), "", "", status, "", "", "",
                    row.count() == null ? "" : row.count(), "", "", cell(row.answer()),
                    row.screening() == null ? "" : row.screening()));
        }
        return rows;
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if ("\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        // spreadsheets skip blanks and invisible characters (no-break space, zero-width space, BOM) before a formula
        int first = 0;
        while (first < value.length() && blankOrInvisible(value.charAt(first))) {
            first++;
        }
        return first < value.length() && "=+-@".indexOf(value.charAt(first)) >= 0 ? "'" + value : value;
    }

    private static boolean blankOrInvisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    private static String reasons(String screening) {
        if (screening == null) { // clean: nothing to read
            return "";
        }
        return Findings.read(screening).stream().map(Findings.Shown::label).distinct().collect(Collectors.joining("; "));
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
