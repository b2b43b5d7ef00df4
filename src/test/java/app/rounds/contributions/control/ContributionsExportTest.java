package app.rounds.contributions.control;

import app.rounds.contributions.entity.Feedback;
import app.rounds.contributions.entity.ScreeningRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContributionsExportTest {

    @Test
    void aCellASpreadsheetWouldReadAsAFormulaIsPrefixedWithAnApostrophe() {
        assertEquals("'=HYPERLINK(\"x\")", ContributionsExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", ContributionsExport.cell("+1"));
        assertEquals("'-1", ContributionsExport.cell("-1"));
        assertEquals("'@SUM(A1)", ContributionsExport.cell("@SUM(A1)"));
        assertEquals("'\tx", ContributionsExport.cell("\tx"));
        assertEquals("'\rx", ContributionsExport.cell("\rx"));
    }

    @Test
    void aFormulaBehindInvisibleOrBlankCharactersIsPrefixedToo() {
        // spreadsheets skip these before reading a cell, so "\u00A0=cmd" still runs as a formula
        for (String prefix : List.of("\u00A0", " ", "  ", "\u2007", "\u202F", "\u3000", "\u200B", "\u200D", "\uFEFF",
                "\u2060", "\n", "\u00A0\u200B ")) {
            for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)")) {
                String value = prefix + formula;
                assertEquals("'" + value, ContributionsExport.cell(value), "after U+"
                        + Integer.toHexString(prefix.charAt(0)).toUpperCase());
            }
        }
        assertEquals("\u00A0plain text", ContributionsExport.cell("\u00A0plain text"));
    }

    @Test
    void anOrdinaryCellIsKeptAsItIs() {
        assertEquals("Where are the gloves? =x", ContributionsExport.cell("Where are the gloves? =x"));
    }

    @Test
    void aMissingCellIsEmpty() {
        assertEquals("", ContributionsExport.cell(null));
        assertEquals("", ContributionsExport.cell(""));
    }

    @Test
    void feedbackRowsSayWhenTheFeedbackWasFirstGivenAndLastChanged() {
        Instant given = Instant.parse("2026-12-07T10:00:00Z");
        Feedback feedback = new Feedback("s1", "p1", given);
        feedback.rate(4, "clear", ScreeningRecord.clean(), given.plusSeconds(90));
        List<Object> row = ContributionsExport.row(feedback);
        assertEquals("2026-12-07T10:00:00Z", row.get(List.of(ContributionsExport.HEADER).indexOf("created_at")));
        assertEquals("2026-12-07T10:01:30Z", row.get(List.of(ContributionsExport.HEADER).indexOf("updated_at")));
        assertEquals(4, row.get(List.of(ContributionsExport.HEADER).indexOf("rating")));
    }
}
