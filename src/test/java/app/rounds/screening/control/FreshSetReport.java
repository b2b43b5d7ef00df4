package app.rounds.screening.control;

import app.rounds.screening.entity.Reason;
import app.rounds.screening.entity.Screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Scores the screener on a set written in the issue-12 format: {@code expected<TAB>language<TAB>text}, expected =
 * CLEAN, HARD (a hard negative) or the kinds of patient data it carries and/or MEDICAL_ADVICE. What counts is whether a
 * post is held (any finding), as a moderator sees it; each kind is also scored on whether its own reason was named.
 */
final class FreshSetReport {

    static final String ADVICE = "MEDICAL_ADVICE";

    record Example(int line, Set<String> expected, String language, String text) {

        boolean negative() {
            return expected.contains("CLEAN") || expected.contains("HARD");
        }

        boolean hard() {
            return expected.contains("HARD");
        }

        boolean advice() {
            return expected.contains(ADVICE);
        }

        /** Carries patient data: a kind other than advice. */
        boolean phi() {
            return !negative() && expected.stream().anyMatch(kind -> !kind.equals(ADVICE));
        }
    }

    record Outcome(Example example, Screening screening) {

        boolean held() {
            return screening.flagged();
        }

        boolean adviceFound() {
            return screening.reasons().contains(Reason.MEDICAL_ADVICE);
        }

        boolean named(String kind) {
            return screening.reasons().stream().anyMatch(reason -> reason.name().equals(kind));
        }
    }

    /** Patient data: recall over posts that carry it; precision against the negatives held. */
    record Figures(int phi, int phiHeld, int negatives, int negativesHeld, int advice, int adviceFound,
            int nonAdvice, int nonAdviceFlaggedAsAdvice) {

        static Figures of(List<Outcome> outcomes) {
            return new Figures(count(outcomes, o -> o.example().phi()),
                    count(outcomes, o -> o.example().phi() && o.held()),
                    count(outcomes, o -> o.example().negative()),
                    count(outcomes, o -> o.example().negative() && o.held()),
                    count(outcomes, o -> o.example().advice()),
                    count(outcomes, o -> o.example().advice() && o.adviceFound()),
                    count(outcomes, o -> !o.example().advice()),
                    count(outcomes, o -> !o.example().advice() && o.adviceFound()));
        }

        double recall() {
            return phi == 0 ? 1 : (double) phiHeld / phi;
        }

        double precision() {
            return phiHeld + negativesHeld == 0 ? 1 : (double) phiHeld / (phiHeld + negativesHeld);
        }

        double adviceRecall() {
            return advice == 0 ? 1 : (double) adviceFound / advice;
        }

        double adviceFalseRate() {
            return nonAdvice == 0 ? 0 : (double) nonAdviceFlaggedAsAdvice / nonAdvice;
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %-10s | %4d | %4d | %6.3f | %4d | %4d | %9.3f | %4d | %4d | %6.3f | %6.3f |",
                    name, phi, phiHeld, recall(), negatives, negativesHeld, precision(), advice, adviceFound,
                    adviceRecall(), adviceFalseRate());
        }
    }

    private final String set;
    final List<Outcome> outcomes;

    FreshSetReport(String set, Screener screener) {
        this.set = set;
        this.outcomes = read(set).stream().map(e -> new Outcome(e, screener.screen(e.text()))).toList();
    }

    Figures overall() {
        return Figures.of(outcomes);
    }

    Figures language(String language) {
        return Figures.of(only(o -> o.example().language().equals(language)));
    }

    List<Outcome> only(Predicate<Outcome> which) {
        return outcomes.stream().filter(which).toList();
    }

    String render() {
        StringBuilder report = new StringBuilder("\nScreening of " + set + " (" + outcomes.size() + " posts)\n\n");
        report.append("| texts      |  PHI | held | recall |  neg | held | precision | adv. | found | recall | adv. false |\n");
        report.append("|------------|-----:|-----:|-------:|-----:|-----:|----------:|-----:|-----:|-------:|-------:|\n");
        report.append(overall().row("all")).append('\n');
        Set<String> languages = outcomes.stream().map(o -> o.example().language())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String language : languages) {
            report.append(language(language).row(language)).append('\n');
        }
        List<Outcome> hard = only(o -> o.example().hard());
        report.append(String.format(Locale.ROOT, "%nHard negatives held: %d of %d%n", count(hard, Outcome::held),
                hard.size()));

        report.append("\n| kind                 | posts | held | recall | named | named recall |\n");
        report.append("|----------------------|------:|-----:|-------:|------:|-------------:|\n");
        Set<String> kinds = new TreeSet<>();
        outcomes.forEach(o -> kinds.addAll(o.example().expected()));
        kinds.removeAll(Set.of("CLEAN", "HARD"));
        for (String kind : kinds) {
            List<Outcome> with = only(o -> o.example().expected().contains(kind));
            int held = kind.equals(ADVICE) ? count(with, Outcome::adviceFound) : count(with, Outcome::held);
            int named = count(with, o -> o.named(kind));
            report.append(String.format(Locale.ROOT, "| %-20s | %5d | %4d | %6.3f | %5d | %12.3f |%n", kind,
                    with.size(), held, (double) held / with.size(), named, (double) named / with.size()));
        }

        report.append("\nMisses and false holds:\n");
        for (Outcome o : outcomes) {
            boolean missedPhi = o.example().phi() && !o.held();
            boolean missedAdvice = o.example().advice() && !o.adviceFound();
            boolean falseHold = o.example().negative() && o.held();
            boolean falseAdvice = !o.example().advice() && o.adviceFound() && !falseHold;
            if (missedPhi || missedAdvice || falseHold || falseAdvice) {
                report.append(String.format("  %s %s:%d expected %s, found %s: %s%n",
                        falseHold || falseAdvice ? "ALARM" : "MISS ", set, o.example().line(),
                        o.example().expected(), describe(o), o.example().text()));
            }
        }
        return report.toString();
    }

    private static String describe(Outcome o) {
        if (!o.screening().flagged()) {
            return "nothing";
        }
        return o.screening().findings().stream()
                .map(f -> f.reason() + " \"" + f.excerpt(o.example().text()) + "\"")
                .collect(Collectors.joining(", "));
    }

    private static int count(List<Outcome> outcomes, Predicate<Outcome> which) {
        return (int) outcomes.stream().filter(which).count();
    }

    /** One line of a labelled set: {@code expected<TAB>language<TAB>text}, comments and blank lines skipped. */
    record Row(int line, String expected, String language, String text) {
    }

    /** The rows of {@code /screening/<set>} on the test classpath; a line without its three columns is refused. */
    static List<Row> rows(String set) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = FreshSetReport.class.getResourceAsStream("/screening/" + set)) {
            if (in == null) {
                throw new IllegalStateException("no labelled set " + set);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                if (columns.length != 3) {
                    throw new IllegalStateException(set + ":" + (i + 1) + " needs expected<TAB>language<TAB>text");
                }
                rows.add(new Row(i + 1, columns[0].strip(), columns[1].strip(), columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<Example> read(String set) {
        return rows(set).stream().map(row -> new Example(row.line(), Arrays.stream(row.expected().split(","))
                .map(String::strip).collect(Collectors.toCollection(TreeSet::new)), row.language(), row.text()))
                .toList();
    }
}
