package app.rounds.contributions.control;

import app.rounds.contributions.control.PollViews.ModeratedEntry;
import app.rounds.contributions.control.PollViews.OptionView;
import app.rounds.contributions.control.PollViews.PollWithResults;
import app.rounds.contributions.control.PollViews.Results;
import app.rounds.contributions.control.PollViews.WordCount;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A poll's results as CSV rows: one per option (with its count, percentage and, in a quiz, whether it is correct),
 * per rating value, per word of a cloud, or per open-text answer (with its status and screening). Used alone (a
 * poll's CSV) and in the session's export. Cells are neutralised as in {@link ContributionsExport#cell}.
 */
@ApplicationScoped
public class PollsExport {

    static final String[] HEADER = {"poll_id", "kind", "question", "state", "answer", "correct", "count", "percent",
            "status", "screening"};

    /** One row of a poll's results. */
    public record Row(String answer, Boolean correct, Integer count, Double percent, String status, String screening) {
    }

    public void write(PollWithResults poll, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        for (Row row : rows(poll)) {
            csv.printRecord(poll.poll().id(), poll.poll().kind(), ContributionsExport.cell(poll.poll().title()),
                    poll.poll().state(), ContributionsExport.cell(row.answer()), blank(row.correct()),
                    blank(row.count()), blank(row.percent()), blank(row.status()), blank(row.screening()));
        }
        csv.flush();
    }

    /** The rows of a poll's results, in the order the results show them. */
    public static List<Row> rows(PollWithResults poll) {
        Results results = poll.results();
        List<Row> rows = new ArrayList<>();
        if (results.options() != null) {
            List<OptionView> options = poll.poll().options();
            for (int i = 0; i < results.options().size(); i++) {
                var count = results.options().get(i);
                rows.add(new Row(options.get(i).text(), options.get(i).correct(), count.count(), count.percent(),
                        null, null));
            }
        }
        if (results.rating() != null) {
            int[] distribution = results.rating().distribution();
            for (int i = 0; i < distribution.length; i++) {
                rows.add(new Row(String.valueOf(i + 1), null, distribution[i],
                        PollResults.percent(distribution[i], results.answered()), null, null));
            }
        }
        if (results.words() != null) {
            for (WordCount word : results.words()) {
                rows.add(new Row(word.word(), null, word.count(), null, "APPROVED", null));
            }
        }
        if (results.moderation() != null && results.words() == null) {
            for (ModeratedEntry entry : results.moderation()) {
                rows.add(new Row(entry.text(), null, null, null, entry.status().name(), entry.screening().stream()
                        .map(Findings.Shown::label).distinct().collect(Collectors.joining("; "))));
            }
        }
        return rows;
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }
}
