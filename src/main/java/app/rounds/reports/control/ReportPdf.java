package app.rounds.reports.control;

import app.rounds.reports.entity.SessionReport;
import app.rounds.reports.entity.SessionReport.Bucket;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.ToIntFunction;

/**
 * A session's report on one A4 page (PDFBox): its figures, activity over time, participation, the feedback's ratings,
 * and its polls' results, the charts drawn as vector lines and bars. Text is set in DejaVu Sans when the machine has
 * it (Debian's fonts-dejavu-core, in the Docker image), which covers the Latin, Greek and Cyrillic scripts; else in
 * Helvetica, where a character outside Windows-1252 is printed as "?". Times are UTC.
 */
public final class ReportPdf {

    /** Where Debian and most Linux distributions keep DejaVu Sans. */
    static final Path REGULAR = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    static final Path BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x4d, 0x4d, 0x4d);
    private static final Color GRID = new Color(0xd0, 0xd4, 0xd8);
    private static final Color PANEL = new Color(0xf3, 0xf5, 0xf7);
    /** The series' colours, as on the web page (charts.js). */
    private static final Color[] SERIES = {new Color(0x0b, 0x5c, 0xad), new Color(0xb3, 0x26, 0x1e),
            new Color(0x11, 0x63, 0x29), new Color(0x7a, 0x1f, 0x5c), new Color(0x8a, 0x53, 0x00)};
    private static final float MARGIN = 40;

    private final PDDocument document = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final boolean unicode;
    private PDPageContentStream page;

    private ReportPdf() throws IOException {
        if (Files.isReadable(REGULAR) && Files.isReadable(BOLD)) {
            regular = PDType0Font.load(document, REGULAR.toFile());
            bold = PDType0Font.load(document, BOLD.toFile());
            unicode = true;
        } else {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            unicode = false;
        }
    }

    /** Writes the report's page to {@code out}, which stays open. */
    public static void write(SessionReport report, OutputStream out) throws IOException {
        ReportPdf pdf = new ReportPdf();
        try (PDDocument document = pdf.document) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Report · " + report.session().title());
            info.setCreator("Rounds");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            created.setTimeInMillis(report.generatedAt().toEpochMilli());
            info.setCreationDate(created);
            PDPage a4 = new PDPage(PDRectangle.A4);
            document.addPage(a4);
            try (PDPageContentStream content = new PDPageContentStream(document, a4)) {
                pdf.page = content;
                pdf.draw(report, a4.getMediaBox().getHeight());
            }
            document.save(out);
        }
    }

    private void draw(SessionReport r, float height) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float y = height - MARGIN;
        text(bold, 17, INK, MARGIN, y - 14, fitted(bold, 17, "Report · " + r.session().title(), width));
        y -= 32;
        String state = r.live() ? "Live: as of " + WHEN.format(r.generatedAt())
                : "Final: the session ended " + WHEN.format(r.session().endedAt());
        text(regular, 9.5f, MUTED, MARGIN, y, fitted(regular, 9.5f, join(r.session().facility(), state), width));
        y -= 18;

        y = tiles(r, y, width);
        y -= 14;
        y = timeline(r, y, width);
        y -= 16;
        float half = (width - 20) / 2;
        var p = r.participation();
        float below = bars("Participation", List.of("Joined", "Took part", "Asked", "Voted", "Polls", "Feedback"),
                new int[]{p.joined(), p.active(), p.asked(), p.voted(), p.answeredPolls(), p.gaveFeedback()},
                SERIES[0], MARGIN, y, half);
        int[] stars = r.feedback().distribution();
        bars("Feedback ratings (" + r.feedback().count() + ")", List.of("1 star", "2", "3", "4", "5 stars"), stars,
                SERIES[2], MARGIN + half + 20, y, half);
        y = below - 16;
        polls(r, y, width);
        text(regular, 7.5f, MUTED, MARGIN, MARGIN - 16, fitted(regular, 7.5f, "Rounds · counts and a word cloud's "
                + "words; no questions or comments · generated " + WHEN.format(r.generatedAt()), width));
    }

    /** The figures at a glance, three to a row; returns the y below them. */
    private float tiles(SessionReport r, float top, float width) throws IOException {
        var p = r.participation();
        var q = r.questions();
        List<String[]> figures = List.of(
                new String[]{"Joined", Integer.toString(p.joined())},
                new String[]{"Took part", Integer.toString(p.active())},
                new String[]{"Engagement rate", p.engagementRatePercent() == null ? "–"
                        : p.engagementRatePercent() + " %"},
                new String[]{"Questions (answered)", q.asked() + " (" + q.answered() + ")"},
                new String[]{"Median time to moderation", q.moderationMedianSeconds() == null ? "–"
                        : duration(q.moderationMedianSeconds())},
                new String[]{"Votes", Integer.toString(r.votes().votes())},
                new String[]{"Feedback", r.feedback().count() == 0 ? "–"
                        : r.feedback().average() + " of 5 (" + r.feedback().count() + ")"},
                new String[]{"Most on the board at once", Integer.toString(p.peakViewers())},
                new String[]{"Posts from networks", Integer.toString(r.sources().stream()
                        .mapToInt(SessionReport.Source::posts).sum())});
        float tileWidth = (width - 2 * 10) / 3;
        float tileHeight = 38;
        for (int i = 0; i < figures.size(); i++) {
            float x = MARGIN + (i % 3) * (tileWidth + 10);
            float y = top - (i / 3) * (tileHeight + 8) - tileHeight;
            page.setNonStrokingColor(PANEL);
            page.addRect(x, y, tileWidth, tileHeight);
            page.fill();
            text(regular, 8, MUTED, x + 7, y + tileHeight - 12, fitted(regular, 8, figures.get(i)[0], tileWidth - 14));
            text(bold, 14, INK, x + 7, y + 7, fitted(bold, 14, figures.get(i)[1], tileWidth - 14));
        }
        return top - 3 * (tileHeight + 8);
    }

    /** Activity over time as lines, with its axes and legend; returns the y below it. */
    private float timeline(SessionReport r, float top, float width) throws IOException {
        text(bold, 11, INK, MARGIN, top - 11, "Activity over time (per " + r.timeline().bucketSeconds() / 60
                + " min)");
        float chartTop = top - 22;
        float chartHeight = 130;
        float left = MARGIN + 28;
        float chartWidth = width - 28;
        float bottom = chartTop - chartHeight;
        List<Bucket> buckets = r.timeline().buckets();
        if (buckets.isEmpty()) {
            text(regular, 9, MUTED, MARGIN, chartTop - 14, "Nothing has happened in this session yet.");
            return chartTop - 24;
        }
        List<ToIntFunction<Bucket>> series = List.of(Bucket::joined, Bucket::questions, Bucket::votes,
                Bucket::pollAnswers, Bucket::feedback);
        List<String> names = List.of("Joined", "Questions", "Votes", "Poll answers", "Feedback");
        int max = 1;
        for (Bucket b : buckets) {
            for (ToIntFunction<Bucket> s : series) {
                max = Math.max(max, s.applyAsInt(b));
            }
        }
        int top10 = niceCeiling(max);
        axes(left, bottom, chartWidth, chartHeight, top10);
        float step = buckets.size() == 1 ? 0 : chartWidth / (buckets.size() - 1);
        for (int s = 0; s < series.size(); s++) {
            page.setStrokingColor(SERIES[s]);
            page.setLineWidth(1.4f);
            for (int i = 0; i < buckets.size(); i++) {
                float x = buckets.size() == 1 ? left + chartWidth / 2 : left + i * step;
                float y = bottom + chartHeight * series.get(s).applyAsInt(buckets.get(i)) / top10;
                if (i == 0) {
                    page.moveTo(x, y);
                } else {
                    page.lineTo(x, y);
                }
            }
            if (buckets.size() == 1) {
                float y = bottom + chartHeight * series.get(s).applyAsInt(buckets.getFirst()) / top10;
                page.addRect(left + chartWidth / 2 - 1.5f, y - 1.5f, 3, 3);
            }
            page.stroke();
        }
        text(regular, 7.5f, MUTED, left, bottom - 10, CLOCK.format(buckets.getFirst().start()));
        String last = CLOCK.format(buckets.getLast().start());
        text(regular, 7.5f, MUTED, left + chartWidth - width(regular, 7.5f, last), bottom - 10, last);
        float x = left;
        for (int s = 0; s < names.size(); s++) {
            page.setNonStrokingColor(SERIES[s]);
            page.addRect(x, bottom - 24, 8, 8);
            page.fill();
            text(regular, 8, INK, x + 11, bottom - 23, names.get(s));
            x += 22 + width(regular, 8, names.get(s));
        }
        return bottom - 30;
    }

    /** A titled bar chart of counts by label, in a box of the given width; returns the y below it. */
    private float bars(String title, List<String> labels, int[] values, Color colour, float left, float top,
                       float width) throws IOException {
        text(bold, 11, INK, left, top - 11, fitted(bold, 11, title, width));
        float chartHeight = 100;
        float axis = 24;
        float bottom = top - 22 - chartHeight;
        int max = 1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        int ceiling = niceCeiling(max);
        axes(left + axis, bottom, width - axis, chartHeight, ceiling);
        float slot = (width - axis) / labels.size();
        for (int i = 0; i < labels.size(); i++) {
            float barHeight = chartHeight * values[i] / ceiling;
            float x = left + axis + i * slot + slot * 0.2f;
            page.setNonStrokingColor(colour);
            page.addRect(x, bottom, slot * 0.6f, Math.max(barHeight, values[i] > 0 ? 1 : 0.3f));
            page.fill();
            String value = Integer.toString(values[i]);
            text(regular, 7.5f, INK, x + slot * 0.3f - width(regular, 7.5f, value) / 2, bottom + barHeight + 2,
                    value);
            String label = fitted(regular, 6.5f, labels.get(i), slot - 1);
            text(regular, 6.5f, MUTED, left + axis + i * slot + (slot - width(regular, 6.5f, label)) / 2,
                    bottom - 10, label);
        }
        return bottom - 14;
    }

    /** Each poll's title, answers and options as short bars, while the page has room. */
    private void polls(SessionReport r, float top, float width) throws IOException {
        if (r.polls().isEmpty()) {
            return;
        }
        text(bold, 11, INK, MARGIN, top - 11, "Polls");
        float y = top - 26;
        float labelWidth = width * 0.45f;
        for (SessionReport.Poll poll : r.polls()) {
            if (y < MARGIN + 20) {
                text(regular, 8, MUTED, MARGIN, y, "… more polls in the report's tables (CSV, Excel).");
                return;
            }
            text(bold, 9, INK, MARGIN, y, fitted(bold, 9, poll.title() + " · " + poll.answered() + " answered"
                    + (poll.participationPercent() == null ? "" : " (" + poll.participationPercent() + " %)"), width));
            y -= 13;
            List<String[]> rows = new ArrayList<>();
            poll.options().forEach(o -> rows.add(new String[]{o.text() + (Boolean.TRUE.equals(o.correct())
                    ? " ✓" : ""), Integer.toString(o.count())}));
            poll.words().stream().limit(5).forEach(w -> rows.add(new String[]{w.word(), Integer.toString(w.count())}));
            if (poll.ratingDistribution() != null && poll.options().isEmpty()) {
                int[] d = poll.ratingDistribution();
                for (int i = 0; i < d.length; i++) {
                    rows.add(new String[]{"Rating " + (i + 1), Integer.toString(d[i])});
                }
            }
            int most = Math.max(1, rows.stream().mapToInt(row -> Integer.parseInt(row[1])).max().orElse(1));
            for (String[] row : rows) {
                if (y < MARGIN) {
                    break;
                }
                text(regular, 8, INK, MARGIN + 8, y, fitted(regular, 8, row[0], labelWidth - 12));
                float bar = (width - labelWidth - 30) * Integer.parseInt(row[1]) / most;
                page.setNonStrokingColor(SERIES[3]);
                page.addRect(MARGIN + labelWidth, y - 1, Math.max(bar, 0.5f), 7);
                page.fill();
                text(regular, 8, INK, MARGIN + labelWidth + bar + 4, y, row[1]);
                y -= 11;
            }
            y -= 6;
        }
    }

    private void axes(float left, float bottom, float width, float height, int ceiling) throws IOException {
        page.setLineWidth(0.5f);
        page.setStrokingColor(GRID);
        for (int i = 0; i <= 4; i++) {
            float y = bottom + height * i / 4;
            page.moveTo(left, y);
            page.lineTo(left + width, y);
            String label = Integer.toString(ceiling * i / 4);
            text(regular, 7, MUTED, left - 4 - width(regular, 7, label), y - 2.5f, label);
        }
        page.stroke();
    }

    /** The smallest of 4, 8, 20, 40, 80, 200, … at least {@code max}: four even steps of whole numbers. */
    static int niceCeiling(int max) {
        int step = 1;
        while (true) {
            for (int factor : new int[]{1, 2, 5}) {
                if (4 * step * factor >= max) {
                    return 4 * step * factor;
                }
            }
            step *= 10;
        }
    }

    private void text(PDFont font, float size, Color colour, float x, float y, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.setNonStrokingColor(colour);
        page.newLineAtOffset(x, y);
        page.showText(printable(font, text));
        page.endText();
    }

    /** {@code text}, cut with "…" to fit {@code width} points. */
    private String fitted(PDFont font, float size, String text, float width) throws IOException {
        String shown = printable(font, text);
        if (width(font, size, shown) <= width) {
            return shown;
        }
        while (shown.length() > 1 && width(font, size, shown + "…") > width) {
            shown = shown.substring(0, shown.length() - 1);
        }
        return shown.strip() + "…";
    }

    private float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    /** What the font can print: every character (DejaVu), or Windows-1252's, the others as "?" (Helvetica). */
    private String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String one = Character.isISOControl(c) ? " " : Character.toString(c);
            try {
                font.encode(one);
                out.append(one);
            } catch (IOException | IllegalArgumentException notInTheFont) {
                out.append(unicode ? "□" : "?");
            }
        });
        return out.toString();
    }

    private static String duration(long seconds) {
        return seconds < 120 ? seconds + " s" : Math.round(seconds / 6.0) / 10.0 + " min";
    }

    private static String join(String first, String second) {
        return first == null || first.isBlank() ? second : first + " · " + second;
    }
}
