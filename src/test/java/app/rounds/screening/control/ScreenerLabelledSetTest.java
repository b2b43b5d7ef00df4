package app.rounds.screening.control;

import app.rounds.screening.entity.Reason;
import app.rounds.screening.entity.Screening;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screens every line of the labelled sets and reports precision and recall of "flagged vs clean", overall, per set,
 * per language and per reason. The sets were written one after another, each before the screener first ran on it
 * (labelled.tsv before any screener code); their first-run figures are in docs/SCREENING.md. The thresholds guard
 * against regressions: every set has been tuned on since.
 */
@Tag("slow") // seconds, not milliseconds: run by verify, not by ./mvnw test
class ScreenerLabelledSetTest {

    static final List<String> SETS = List.of("labelled.tsv", "labelled-after-tuning.tsv", "labelled-holdout.tsv",
            "labelled-final.tsv");

    record Example(String set, int line, Set<Reason> expected, String language, String text) {

        boolean clean() {
            return expected.isEmpty();
        }
    }

    record Outcome(Example example, Screening screening) {

        /**
         * Expected patient data and held for patient data (under whichever kind: an NHS number is held as a national
         * id where the set says record number), or expected profanity and held for it.
         */
        boolean truePositive() {
            if (example.clean()) {
                return false;
            }
            boolean patientData = example.expected().stream().anyMatch(Reason::patientData);
            return screening.reasons().stream().anyMatch(found -> patientData ? found.patientData()
                    : example.expected().contains(found));
        }

        boolean falseNegative() {
            return !example.clean() && !truePositive();
        }

        boolean falsePositive() {
            return example.clean() && screening.flagged();
        }

        boolean trueNegative() {
            return example.clean() && !screening.flagged();
        }
    }

    record Metrics(int texts, int tp, int fp, int fn, int tn) {

        static Metrics of(List<Outcome> outcomes) {
            return new Metrics(outcomes.size(), count(outcomes, Outcome::truePositive),
                    count(outcomes, Outcome::falsePositive), count(outcomes, Outcome::falseNegative),
                    count(outcomes, Outcome::trueNegative));
        }

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %-26s | %5d | %4d | %3d | %3d | %4d | %9.3f | %6.3f |", name, texts,
                    tp, fp, fn, tn, precision(), recall());
        }

        private static int count(List<Outcome> outcomes, Predicate<Outcome> which) {
            return (int) outcomes.stream().filter(which).count();
        }
    }

    @Test
    void recallAndPrecisionOnTheLabelledSets() {
        Screener screener = new Screener(ProfanityList.defaults());
        List<Outcome> outcomes = new ArrayList<>();
        for (String set : SETS) {
            for (Example example : read(set)) {
                outcomes.add(new Outcome(example, screener.screen(example.text())));
            }
        }

        StringBuilder report = new StringBuilder("\nScreening of the labelled sets\n\n");
        report.append("| texts                      | count |   TP |  FP |  FN |   TN | precision | recall |\n");
        report.append("|----------------------------|------:|-----:|----:|----:|-----:|----------:|-------:|\n");
        Metrics overall = Metrics.of(outcomes);
        report.append(overall.row("all")).append('\n');
        for (String set : SETS) {
            report.append(Metrics.of(only(outcomes, o -> o.example().set().equals(set))).row(set)).append('\n');
        }
        report.append(Metrics.of(only(outcomes, o -> o.example().clean() || o.example().expected().stream()
                .anyMatch(reason -> reason != Reason.PROFANITY))).row("patient data + clean")).append('\n');
        for (String language : List.of("en", "de", "fr", "es")) {
            report.append(Metrics.of(only(outcomes, o -> o.example().language().equals(language)))
                    .row("language " + language)).append('\n');
        }

        report.append("\n| reason               | expected in | found | recall | flagged where not expected |\n");
        report.append("|----------------------|------------:|------:|-------:|---------------------------:|\n");
        for (Reason reason : Reason.values()) {
            List<Outcome> expecting = only(outcomes, o -> o.example().expected().contains(reason));
            long found = expecting.stream().filter(o -> o.screening().reasons().contains(reason)).count();
            long unexpected = outcomes.stream().filter(o -> !o.example().expected().contains(reason)
                    && o.screening().reasons().contains(reason)).count();
            report.append(String.format(Locale.ROOT, "| %-20s | %11d | %5d | %6.3f | %26d |%n", reason,
                    expecting.size(), found, expecting.isEmpty() ? 1.0 : (double) found / expecting.size(),
                    unexpected));
        }

        report.append("\nMisses and false alarms:\n");
        for (Outcome o : outcomes) {
            if (o.falseNegative() || o.falsePositive()) {
                report.append(String.format("  %s %s:%d expected %s, found %s: %s%n",
                        o.falseNegative() ? "MISS " : "ALARM", o.example().set(), o.example().line(),
                        o.example().clean() ? "CLEAN" : o.example().expected(), describe(o), o.example().text()));
            }
        }
        System.out.println(report);

        assertTrue(outcomes.size() >= 180, "at least 180 labelled texts");
        assertTrue(overall.recall() >= 0.95, () -> "recall " + overall.recall());
        assertTrue(overall.precision() >= 0.90, () -> "precision " + overall.precision());
    }

    private static String describe(Outcome o) {
        if (!o.screening().flagged()) {
            return "nothing";
        }
        return o.screening().findings().stream()
                .map(f -> f.reason() + " \"" + f.excerpt(o.example().text()) + "\"")
                .collect(Collectors.joining(", "));
    }

    private static List<Outcome> only(List<Outcome> outcomes, Predicate<Outcome> which) {
        return outcomes.stream().filter(which).toList();
    }

    static List<Example> read(String set) {
        return FreshSetReport.rows(set).stream().map(row -> {
            Set<Reason> expected = EnumSet.noneOf(Reason.class);
            if (!row.expected().equals("CLEAN")) {
                Arrays.stream(row.expected().split(",")).map(String::strip).map(Reason::valueOf)
                        .forEach(expected::add);
            }
            return new Example(set, row.line(), expected, row.language(), row.text());
        }).toList();
    }
}
