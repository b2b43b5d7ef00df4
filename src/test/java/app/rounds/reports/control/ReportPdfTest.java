package app.rounds.reports.control;

import app.rounds.reports.entity.SessionReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPdfTest {

    @Test
    void theReportIsOnePageWithItsFiguresInWords() throws Exception {
        String text = textOf(ReportExportsTest.report());
        assertTrue(text.contains("Report · Sepsis drill"), text);
        assertTrue(text.contains("ICU · Final: the session ended 7 Dec 2026, 10:00 UTC"), text);
        assertTrue(text.contains("Engagement rate"), text);
        assertTrue(text.contains("40.0 %"), text);
        assertTrue(text.contains("4.5 of 5 (2)"), text);
        assertTrue(text.contains("First step? · 3 answered (30.0 %)"), text);
        assertTrue(text.contains("Call for help"), text);
    }

    @Test
    void titlesInAnyScriptArePrintedOrStandInForWhatTheFontLacks() throws Exception {
        SessionReport sample = ReportExportsTest.report();
        SessionReport report = new SessionReport(new SessionReport.About("s1", "Łódź: Ελληνικά, Русский, 中文 😷",
                null, "LIVE", sample.session().startedAt(), null), sample.generatedAt(), true,
                sample.participation(), sample.questions(), sample.votes(), sample.feedback(), sample.polls(),
                sample.sources(), new SessionReport.Timeline(60, java.util.List.of()));
        String text = textOf(report);
        assertTrue(text.contains("Report · "), text);
        assertTrue(text.contains("Nothing has happened in this session yet."), text);
    }

    @Test
    void axesStepInWholeNumbers() {
        assertEquals(4, ReportPdf.niceCeiling(1));
        assertEquals(8, ReportPdf.niceCeiling(5));
        assertEquals(20, ReportPdf.niceCeiling(9));
        assertEquals(2_000, ReportPdf.niceCeiling(999));
    }

    static String textOf(SessionReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(report, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertEquals(1, pdf.getNumberOfPages());
            // the page as a picture, for a person to look at (target/screenshots); asserts nothing
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 100), "png",
                    folder.resolve("report-pdf-" + report.session().id() + ".png").toFile());
            return new PDFTextStripper().getText(pdf);
        }
    }
}
