package app.rounds.reports.control;

import app.rounds.contributions.control.ContributionsExport;
import app.rounds.reports.control.ReportTables.Table;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a report's tables as CSV (RFC 4180, UTF-8, one table a file; cells a spreadsheet would take for a formula
 * neutralised as in {@link ContributionsExport#cell}) or as one XLSX workbook, a sheet a table, with numbers as
 * numbers and times as dates (UTC). XLSX cells are typed, so text there is never a formula.
 */
public final class ReportExports {

    private ReportExports() {
    }

    /** Writes and flushes, but leaves {@code out} open: it belongs to the caller. */
    public static void csv(Table table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(table.columns().toArray(String[]::new)).get());
        for (List<Object> row : table.rows()) {
            csv.printRecord(row.stream().map(cell -> cell instanceof String text ? ContributionsExport.cell(text)
                    : ReportTables.text(cell)));
        }
        csv.flush();
    }

    /** Writes the workbook; leaves {@code out} open. */
    public static void xlsx(List<Table> tables, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Rounds", null);
        for (Table table : tables) {
            Worksheet sheet = workbook.newWorksheet(table.title().length() > 31 ? table.name() : table.title());
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(0, c, table.columns().get(c));
                sheet.style(0, c).bold().set();
                sheet.width(c, c == 0 ? 40 : 16);
            }
            sheet.freezePane(0, 1);
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    write(sheet, r + 1, c, row.get(c));
                }
            }
            sheet.finish();
        }
        workbook.finish();
    }

    private static void write(Worksheet sheet, int r, int c, Object cell) {
        switch (cell) {
            case null -> {
            }
            case Number number -> sheet.value(r, c, number);
            case Instant instant -> {
                sheet.value(r, c, instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
                sheet.style(r, c).format("yyyy-mm-dd hh:mm").set();
            }
            default -> sheet.value(r, c, cell.toString());
        }
    }
}
