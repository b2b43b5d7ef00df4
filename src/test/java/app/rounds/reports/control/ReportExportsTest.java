package app.rounds.reports.control;

import app.rounds.reports.entity.SessionReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportExportsTest {

    static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

    /** A small report: 10 joined, 4 active, one poll whose option reads like a formula, one source. */
    static SessionReport report() {
        return new SessionReport(
                new SessionReport.About("s1", "Sepsis drill", "ICU", "ENDED", START, START.plusSeconds(3600)),
                START.plusSeconds(4000), false,
                new SessionReport.Participation(10, 4, 40.0, 2, 1, 3, 2, 7, START.plusSeconds(600)),
                new SessionReport.Questions(5, 4, 1, 0, 3, 2, 1, 0, 1, 4, 30L, 90L),
                new SessionReport.Votes(6, 3, 2),
                new SessionReport.Feedback(2, 4.5, new int[]{0, 0, 0, 1, 1}),
                List.of(new SessionReport.Poll("p1", "First step?", "QUIZ", "CLOSED", 3, 30.0,
                        List.of(new SessionReport.PollOption("=HYPERLINK(\"x\")", 2, 66.7, true),
                                new SessionReport.PollOption("Call for help", 1, 33.3, false)),
                        null, null, List.of())),
                List.of(new SessionReport.Source("Hospital Mastodon", "MASTODON", 3, 1, 1)),
                new SessionReport.Timeline(60, List.of(new SessionReport.Bucket(START, 10, 5, 6, 3, 2, 4.5, 7))));
    }

    @Test
    void figuresAsCsvAreTheReportsAndFormulasCannotRun() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.csv(ReportTables.figures(report()), out);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertEquals("Participants joined", rows.getFirst().get("Figure"));
        assertEquals("10", rows.getFirst().get("Value"));
        assertEquals("40.0", rows.stream().filter(r -> r.get("Figure").startsWith("Engagement")).findFirst()
                .orElseThrow().get("Value"));

        out.reset();
        ReportExports.csv(ReportTables.polls(report()), out);
        String polls = out.toString(StandardCharsets.UTF_8);
        assertTrue(polls.contains("\"'=HYPERLINK(\"\"x\"\")\""), polls);
    }

    @Test
    void everyTableIsASheetWithNumbersAsNumbersAndTimesAsDates() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExports.xlsx(ReportTables.of(report()), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(ReportTables.NAMES.size(), workbook.getNumberOfSheets());
            Sheet figures = workbook.getSheet("Figures");
            assertEquals("Participants joined", figures.getRow(1).getCell(0).getStringCellValue());
            assertEquals(10.0, figures.getRow(1).getCell(1).getNumericCellValue());
            Sheet timeline = workbook.getSheet("Activity over time");
            assertEquals(LocalDateTime.of(2026, 12, 7, 9, 0), timeline.getRow(1).getCell(0).getLocalDateTimeCellValue());
            assertEquals(7.0, timeline.getRow(1).getCell(7).getNumericCellValue());
            Sheet polls = workbook.getSheet("Polls");
            assertEquals("=HYPERLINK(\"x\")", polls.getRow(2).getCell(5).getStringCellValue(), "text, not a formula");
            assertEquals("yes", polls.getRow(2).getCell(8).getStringCellValue());
        }
    }
}
