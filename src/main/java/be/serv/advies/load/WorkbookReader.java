package be.serv.advies.load;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the first sheet of an Excel workbook (.xlsx) as a table: the first non-empty row holds the
 * column names, every later row is a record. Rows are numbered as Excel shows them and columns by
 * their letter, so a problem reads {@code thresholds.xlsx:Drempels!D7: ...} — the cell a person
 * clicks on. Like {@link TableReader} it never throws on bad content.
 */
public final class WorkbookReader {
    /** Far above the rounding error of arithmetic on counts (1e-15), below any decimal typed with ten digits. */
    static final double WHOLE_TOLERANCE = 1e-12;

    private WorkbookReader() {
    }

    public static Table read(String fileName, byte[] bytes, List<Problem> problems) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(problems, "problems");
        // A spreadsheet of thresholds is tiny; a workbook that inflates beyond this is not one.
        ZipSecureFile.setMinInflateRatio(0.001);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() == 0) {
                problems.add(Problem.ofFile(fileName, "de werkmap heeft geen enkel werkblad"));
                return new Table(fileName, List.of(), List.of());
            }
            Sheet sheet = wb.getSheetAt(0);
            String where = fileName + ":" + sheet.getSheetName();
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            org.apache.poi.ss.usermodel.FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            List<String> header = new ArrayList<>();
            Map<Integer, String> byIndex = new LinkedHashMap<>();
            Map<String, String> refs = new LinkedHashMap<>();
            List<Row> rows = new ArrayList<>();
            boolean headerSeen = false;
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                int excelRow = r.getRowNum() + 1;
                if (!headerSeen) {
                    for (Cell c : r) {
                        String name = text(c, formatter, evaluator, where, problems).strip().toLowerCase();
                        if (name.isEmpty()) continue;
                        String letter = CellReference.convertNumToColString(c.getColumnIndex());
                        if (refs.containsKey(name)) {
                            problems.add(new Problem(where, excelRow, letter, "kolom '" + name + "' staat twee keer in de kopregel"));
                            continue;
                        }
                        header.add(name);
                        byIndex.put(c.getColumnIndex(), name);
                        refs.put(name, letter);
                    }
                    headerSeen = !header.isEmpty();
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean any = false;
                for (Cell c : r) {
                    String name = byIndex.get(c.getColumnIndex());
                    String v = text(c, formatter, evaluator, where, problems);
                    if (name == null) {
                        if (!v.isBlank()) {
                            problems.add(new Problem(where, excelRow, CellReference.convertNumToColString(c.getColumnIndex()),
                                    "cel buiten de kolommen van de kopregel: '" + Cells.abbreviate(v) + "'"));
                        }
                        continue;
                    }
                    if (!v.isBlank()) any = true;
                    values.put(name, v);
                }
                if (any) rows.add(new Row(where, excelRow, values, refs));
            }
            if (!headerSeen) problems.add(Problem.ofFile(where, "het werkblad is leeg; de eerste rij moet de kolomnamen bevatten"));
            return new Table(where, header, rows);
        } catch (Exception e) {
            // Whatever POI or the zip reader says (truncated zip, invalid code, XmlException) means the same to
            // the person who has to act: this is not a whole workbook. Their text names Java classes, not a step.
            problems.add(Problem.ofFile(fileName, unreadable(bytes)));
            return new Table(fileName, List.of(), List.of());
        }
    }

    static String unreadable(byte[] bytes) {
        boolean ole = bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF && bytes[2] == 0x11;
        if (ole) {
            return "is geen Excel-werkmap (.xlsx) maar een oud Excel-bestand (.xls) of een werkmap met een wachtwoord; "
                    + "open het in Excel en bewaar het zonder wachtwoord als 'Excel-werkmap (.xlsx)'";
        }
        return "is geen leesbare Excel-werkmap (.xlsx): het bestand is beschadigd, afgebroken of onvolledig gekopieerd. "
                + "Open het in Excel en bewaar het opnieuw als 'Excel-werkmap (.xlsx)', of kopieer het opnieuw";
    }

    /**
     * A number as exactly as it is stored: a whole number without ".0" (also one that a calculation left a
     * rounding error away from it: =0,7*10 is 7.000000000000001), anything else with every digit, so
     * 8.0000000001, which someone typed, is no count of 8.
     */
    static String number(double d) {
        double whole = Math.rint(d);
        if (Math.abs(d - whole) <= WHOLE_TOLERANCE && Math.abs(whole) < 1e15) return String.valueOf((long) whole);
        return BigDecimal.valueOf(d).toPlainString();
    }

    /** A formula whose result the file does not hold: no {@code <v>}, or an empty one for a result that is not text. */
    private static boolean noStoredValue(org.apache.poi.xssf.usermodel.XSSFCell x) {
        var ct = x.getCTCell();
        if (!ct.isSetV()) return true;
        String v = ct.getV();
        // An empty text result (=IF(A1="";"";A1)) is stored as an empty <v> with t="str"; a number never is.
        return (v == null || v.isEmpty()) && ct.getT() != org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.STR;
    }

    /** What the cell shows: a number exactly, a formula by its value, an error cell or a date as a problem. */
    private static String text(Cell c, DataFormatter formatter, org.apache.poi.ss.usermodel.FormulaEvaluator evaluator,
                               String where, List<Problem> problems) {
        String ref = CellReference.convertNumToColString(c.getColumnIndex());
        if (c.getCellType() == CellType.FORMULA && c instanceof org.apache.poi.xssf.usermodel.XSSFCell x && noStoredValue(x)) {
            // Written by a program that does not calculate: the file holds the formula but no result,
            // which POI would read as 0. Excel calculates and keeps the result when it saves.
            problems.add(new Problem(where, c.getRowIndex() + 1, ref, "de formule =" + Cells.abbreviate(c.getCellFormula())
                    + " heeft geen berekende waarde in het bestand; open en bewaar het bestand in Excel"));
            return "";
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    // Excel keeps a date as a day number (44569); read as a number it would pass as a count or an id.
                    problems.add(new Problem(where, c.getRowIndex() + 1, ref, "de cel is opgemaakt als datum ("
                            + formatter.formatCellValue(c, evaluator) + "); in deze tabel staan geen datums. Geef de cel de "
                            + "opmaak 'Standaard' of 'Tekst' en typ de waarde opnieuw"));
                    return "";
                }
                return number(c.getNumericCellValue());
            }
            case BOOLEAN -> {
                return c.getBooleanCellValue() ? "ja" : "nee";
            }
            case ERROR -> {
                problems.add(new Problem(where, c.getRowIndex() + 1, CellReference.convertNumToColString(c.getColumnIndex()),
                        "de cel bevat een Excel-fout (" + formatter.formatCellValue(c, evaluator) + ")"));
                return "";
            }
            case STRING -> {
                String v = c.getStringCellValue();
                if (v.length() <= TableReader.MAX_CELL) return v;
                problems.add(new Problem(where, c.getRowIndex() + 1, ref, TableReader.TOO_LONG));
                return v.substring(0, TableReader.MAX_CELL);
            }
            default -> {
                return "";
            }
        }
    }
}
