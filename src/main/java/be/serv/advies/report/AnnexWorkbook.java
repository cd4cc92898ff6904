package be.serv.advies.report;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Education;
import be.serv.advies.model.Trajectory;
import be.serv.advies.output.SafeCells;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.Precedence;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Verdict;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * annex.xlsx: the per-application annex as the SERV publishes it, with the draft advice, the reasons
 * in Dutch (their codes in a narrow column beside them) and three columns for the review ("Bevestigd
 * advies", "Reden van wijziging", "Nagekeken door"), empty cells until someone decides. Header row
 * frozen, filters on every column; printed landscape on A4, one page wide, the header on every page.
 * Text that a spreadsheet would run as a formula is stored as typed with the quote-prefix style, so it
 * shows and stays text. Rows are streamed (POI's SXSSF): a batch of any size is written with a few
 * hundred rows in memory.
 */
public final class AnnexWorkbook {
    public static final String SHEET = "Annex";
    /** Column headers, in order; the last three are filled in at review. */
    public static final List<String> COLUMNS = List.of("Id", "Instellingsnummer", "School", "Vestigingsplaats",
            "Gemeente", "Provincie", "Net", "Soort aanbieder", "Onderwijs", "Standaardtraject", "Code traject",
            "Niveau", "Sectoraal partnerschap", "Ontwerpadvies", "Redenen", "Codes", "Motivering", "Bevestigd advies",
            "Reden van wijziging", "Nagekeken door");
    public static final int CONFIRMED_COLUMN = COLUMNS.indexOf("Bevestigd advies");
    public static final int REASON_COLUMN = COLUMNS.indexOf("Reden van wijziging");
    public static final int REVIEWER_COLUMN = COLUMNS.indexOf("Nagekeken door");
    private static final int[] WIDTHS = {10, 12, 30, 9, 16, 14, 8, 10, 9, 32, 12, 12, 24, 16, 36, 10, 70, 16, 30, 14};
    private static final int MOTIVATION = COLUMNS.indexOf("Motivering");
    private static final int REASONS = COLUMNS.indexOf("Redenen");
    /** Rows kept in memory while streaming; older rows are flushed to a temporary file. */
    private static final int WINDOW = 200;

    /** What the review decided for one application, for the review columns. */
    public record Review(String advice, String reason, String reviewer) {
    }

    private AnnexWorkbook() {
    }

    /** The draft annex: review columns empty. */
    public static byte[] bytes(DraftRun run) throws IOException {
        return bytes(run, id -> null);
    }

    /** The annex with the review columns of the applications {@code review} knows (null: not decided). */
    public static byte[] bytes(DraftRun run, Function<String, Review> review) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(run, review, out);
        return out.toByteArray();
    }

    public static void write(DraftRun run, Function<String, Review> review, OutputStream out) throws IOException {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(out, "out");
        Batch batch = run.batch();
        Precedence precedence = run.rules().precedence();
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try {
            SXSSFSheet sheet = wb.createSheet(SHEET);
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle top = wb.createCellStyle();
            top.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle wrap = wb.createCellStyle();
            wrap.cloneStyleFrom(top);
            wrap.setWrapText(true);
            CellStyle topQuoted = quoted(wb, top);
            CellStyle wrapQuoted = quoted(wb, wrap);

            Row h = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int r = 1;
            int decidedCount = 0;
            for (Advice advice : run.advices()) {
                Application a = batch.application(advice.applicationId()).orElseThrow();
                Trajectory t = batch.trajectory(a.getTrajectory());
                List<String> labels = advice.reasons().stream().map(precedence::label).toList();
                Review decided = review.apply(a.getId());
                if (decided != null) decidedCount++;
                List<String> cells = Arrays.asList(a.getId(), a.getInstitutionNumber(), a.getInstitutionName(),
                        a.getCampusNumber(), a.getPlace(), a.getProvince().label(), a.getNetwork().label(),
                        a.getProviderType().name(), a.getEducation() == Education.SO ? "SO" : "BuSO",
                        t.getName(), t.getCode(), t.getLevel().label(), batch.partnership(t.getPartnership()).getName(),
                        advice.verdict().label(), String.join("; ", labels), String.join(", ", advice.reasons()), advice.motivation(),
                        decided == null ? null : decided.advice(), decided == null ? null : decided.reason(),
                        decided == null ? null : decided.reviewer());
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c);
                    // An undecided review cell, or a confirmation's reason, is no cell at all.
                    if (value == null || value.isEmpty()) continue;
                    boolean wraps = c == MOTIVATION || c == REASONS || c == REASON_COLUMN;
                    boolean formulaLike = SafeCells.looksLikeFormula(value);
                    Cell cell = row.createCell(c);
                    cell.setCellValue(value);
                    cell.setCellStyle(formulaLike ? (wraps ? wrapQuoted : topQuoted) : (wraps ? wrap : top));
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, COLUMNS.size() - 1));
            if (r > 1) {
                // The reviewer picks the confirmed advice from the four the SERV gives.
                DataValidationHelper dv = sheet.getDataValidationHelper();
                String[] verdicts = Arrays.stream(Verdict.values()).map(Verdict::label).toArray(String[]::new);
                DataValidation v = dv.createValidation(dv.createExplicitListConstraint(verdicts),
                        new CellRangeAddressList(1, r - 1, CONFIRMED_COLUMN, CONFIRMED_COLUMN));
                v.setShowErrorBox(true);
                sheet.addValidationData(v);
            }
            printSetup(sheet, mark(run, decidedCount));

            SXSSFSheet info = wb.createSheet("Info");
            String[][] rows = {
                    {"Schooljaar", nz(batch.getSchoolYear())},
                    {"Advies", decidedCount == run.advices().size() && decidedCount > 0
                            ? "Beslist advies: alle aanvragen beslist door beoordelaars (kolommen Bevestigd advies, Reden van wijziging, Nagekeken door)"
                            : "Ontwerpadvies, op te volgen door een medewerker (kolommen Bevestigd advies, Reden van wijziging, Nagekeken door)"},
                    {"Beslist", decidedCount + " van " + run.advices().size() + " aanvragen"},
                    {"Hash van de regels", run.rules().hash()},
                    {"Hash van de invoer", batch.getInputHash()},
                    {"Aanvragen", String.valueOf(run.advices().size())}};
            for (int i = 0; i < rows.length; i++) {
                Row row = info.createRow(i);
                row.createCell(0).setCellValue(rows[i][0]);
                Cell cell = row.createCell(1);
                cell.setCellValue(rows[i][1]);
                if (SafeCells.looksLikeFormula(rows[i][1])) cell.setCellStyle(topQuoted);
            }
            info.setColumnWidth(0, 22 * 256);
            info.setColumnWidth(1, 90 * 256);
            wb.write(out);
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    /** Landscape A4, all columns on one page width, as many pages down as needed, the header row on each. */
    private static void printSetup(SXSSFSheet sheet, String mark) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sheet.getHeader().setLeft(mark);
        sheet.getFooter().setRight("pagina &P van &N");
    }

    /** The draft status printed at the top of every sheet, as on every page of the report. */
    static String mark(DraftRun run, int decided) {
        int all = run.advices().size();
        String hashes = "regels " + ReportView.shortHash(run.rules().hash()) + " · invoer " + ReportView.shortHash(run.batch().getInputHash());
        if (all > 0 && decided == all) return "Annex, beslist advies: alle " + all + " aanvragen beslist door beoordelaars · " + hashes;
        return "Annex, ONTWERP, geen definitief advies · " + decided + " van " + all + " aanvragen beslist · " + hashes;
    }

    private static CellStyle quoted(SXSSFWorkbook wb, CellStyle base) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(base);
        s.setQuotePrefixed(true);
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
