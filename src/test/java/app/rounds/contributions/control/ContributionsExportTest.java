package app.rounds.contributions.control;

import org.junit.jupiter.api.Test;

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
}
