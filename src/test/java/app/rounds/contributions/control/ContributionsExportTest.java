package app.rounds.contributions.control;

import org.junit.jupiter.api.Test;

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
    void anOrdinaryCellIsKeptAsItIs() {
        assertEquals("Where are the gloves? =x", ContributionsExport.cell("Where are the gloves? =x"));
    }

    @Test
    void aMissingCellIsEmpty() {
        assertEquals("", ContributionsExport.cell(null));
        assertEquals("", ContributionsExport.cell(""));
    }
}
