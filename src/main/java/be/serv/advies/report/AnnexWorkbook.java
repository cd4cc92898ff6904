package be.serv.advies.report;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Education;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.ProviderType;
import be.serv.advies.model.Trajectory;
import be.serv.advies.model.Verdict;
import be.serv.advies.output.SafeCells;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.Precedence;
import be.serv.advies.verdict.Advice;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
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
 * annex.xlsx: the per-application annex for people. The first sheet, "Annex", holds what a reader
 * needs on paper — id, school, municipality, trajectory, draft advice, motivation and the three
 * review columns ("Bevestigd advies", "Reden van wijziging", "Nagekeken door", empty until someone
 * decides) — and prints on landscape A4 at a readable size, its header on every page. Every row's
 * height is computed from its wrapped text, since neither Excel nor LibreOffice sizes the rows of a
 * generated file. The second sheet, "Gegevens", holds the rest: institution and campus numbers as
 * text (leading zeros kept), province, network, level, sector, the reasons in Dutch beside their
 * codes, the signals in Dutch, and last year's advice where last year's annex was given. Header labels break between words only. Text a spreadsheet would
 * run as a formula is stored with the quote-prefix style, so it shows and stays text. Rows are
 * streamed (POI's SXSSF): a batch of any size is written with a few hundred rows in memory.
 */
public final class AnnexWorkbook {
    public static final String SHEET = "Annex";
    public static final String DETAILS_SHEET = "Gegevens";
    /** The first sheet's columns, in order; the last three are filled in at review. */
    public static final List<String> COLUMNS = List.of("Id", "School", "Gemeente", "Standaardtraject", "Ontwerpadvies",
            "Motivering", "Bevestigd advies", "Reden van wijziging", "Nagekeken door");
    /** The second sheet's columns. */
    public static final List<String> DETAILS = List.of("Id", "Instellingsnummer", "School", "Vestigingsplaats", "Gemeente",
            "Provincie", "Net", "Soort aanbieder", "Onderwijs", "Standaardtraject", "Code traject", "Niveau",
            "Sectoraal partnerschap", "Ontwerpadvies", "Redenen", "Codes", "Signalen", "Advies vorig jaar");
    public static final int CONFIRMED_COLUMN = COLUMNS.indexOf("Bevestigd advies");
    public static final int REASON_COLUMN = COLUMNS.indexOf("Reden van wijziging");
    public static final int REVIEWER_COLUMN = COLUMNS.indexOf("Nagekeken door");
    /**
     * Widths in characters of the default font. The first sheet's add up to what prints on landscape A4
     * at about 80%; each is at least its header's longest word, so a label never breaks inside a word.
     */
    static final int[] WIDTHS = {10, 22, 14, 24, 16, 48, 12, 18, 12};
    static final int[] DETAIL_WIDTHS = {10, 20, 30, 19, 16, 16, 40, 16, 11, 32, 34, 18, 24, 24, 40, 36, 60, 30};
    /** Line height of the default font (Calibri 11) in points, and the row's padding. */
    static final float LINE_POINTS = 15f, PADDING_POINTS = 2f;
    /** Rows kept in memory while streaming; older rows are flushed to a temporary file. */
    private static final int WINDOW = 200;

    /** What the review decided for one application, for the review columns. */
    public record Review(String advice, String reason, String reviewer) {
    }

    private AnnexWorkbook() {
    }

    /** Last year's advice beside this year's draft: the advice the review settled on, and last year's application. */
    static String previousAdvice(PreviousAdvice p) {
        return Verdict.valueOf(p.getAdvice()).label() + " (aanvraag " + p.getPreviousId() + (p.isOverridden() ? ", gewijzigd bij het nalezen" : "") + ")";
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
            Styles st = new Styles(wb);
            SXSSFSheet sheet = wb.createSheet(SHEET);
            SXSSFSheet details = wb.createSheet(DETAILS_SHEET);
            header(sheet, COLUMNS, WIDTHS, st);
            header(details, DETAILS, DETAIL_WIDTHS, st);
            int r = 1;
            int decidedCount = 0;
            for (Advice advice : run.advices()) {
                Application a = batch.application(advice.applicationId()).orElseThrow();
                Trajectory t = batch.trajectory(a.getTrajectory());
                Review decided = review.apply(a.getId());
                if (decided != null) decidedCount++;
                List<String> cells = Arrays.asList(a.getId(), a.getInstitutionName(), a.getPlace(), t.getName(),
                        advice.verdict().label(), advice.motivation(),
                        decided == null ? null : decided.advice(), decided == null ? null : decided.reason(),
                        decided == null ? null : decided.reviewer());
                Row row = sheet.createRow(r);
                cells(row, cells, 1, st);
                row.setHeightInPoints(height(cells, WIDTHS));
                List<String> more = Arrays.asList(a.getId(), a.getInstitutionNumber(), a.getInstitutionName(),
                        a.getCampusNumber(), a.getPlace(), Report.provinceName(a.getProvince()), ReportView.networkName(a.getNetwork()),
                        providerType(a.getProviderType()), a.getEducation() == Education.SO ? "SO" : "BuSO",
                        t.getName(), t.getCode(), t.getLevel().label(), batch.partnership(t.getPartnership()).getName(),
                        advice.verdict().label(), String.join("; ", advice.reasons().stream().map(precedence::label).toList()),
                        String.join(", ", advice.reasons()), String.join("; ", advice.signals().stream().map(precedence::label).toList()),
                        batch.previousAdvice(a.getId()).map(AnnexWorkbook::previousAdvice).orElse(""));
                cells(details.createRow(r), more, Integer.MAX_VALUE, st);
                r++;
            }
            for (SXSSFSheet s : List.of(sheet, details)) {
                s.createFreezePane(1, 1);
                s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, (s == sheet ? COLUMNS : DETAILS).size() - 1));
            }
            if (r > 1) {
                // The reviewer picks the confirmed advice from the four the SERV gives.
                DataValidationHelper dv = sheet.getDataValidationHelper();
                String[] verdicts = Arrays.stream(Verdict.values()).map(Verdict::label).toArray(String[]::new);
                DataValidation v = dv.createValidation(dv.createExplicitListConstraint(verdicts),
                        new CellRangeAddressList(1, r - 1, CONFIRMED_COLUMN, CONFIRMED_COLUMN));
                v.setShowErrorBox(true);
                sheet.addValidationData(v);
            }
            String mark = mark(run, decidedCount);
            printSetup(sheet, mark);
            printSetup(details, mark);
            wb.setPrintArea(wb.getSheetIndex(sheet), 0, COLUMNS.size() - 1, 0, Math.max(0, r - 1));

            SXSSFSheet info = wb.createSheet("Info");
            String[][] rows = {
                    {"Schooljaar", nz(batch.getSchoolYear())},
                    {"Advies", decidedCount == run.advices().size() && decidedCount > 0
                            ? "Beslist advies: alle aanvragen beslist door beoordelaars (kolommen Bevestigd advies, Reden van wijziging, Nagekeken door)"
                            : "Ontwerpadvies, op te volgen door een medewerker (kolommen Bevestigd advies, Reden van wijziging, Nagekeken door)"},
                    {"Beslist", decidedCount + " van " + run.advices().size() + " aanvragen"},
                    {"Bladen", "Annex: wat op papier nodig is; Gegevens: instelling, net, niveau, sector, redenen, codes, signalen en het advies van vorig jaar per aanvraag"},
                    {"Hash van de regels", run.rules().hash()},
                    {"Hash van de invoer", batch.getInputHash()},
                    {"Aanvragen", String.valueOf(run.advices().size())}};
            for (int i = 0; i < rows.length; i++) {
                Row row = info.createRow(i);
                row.createCell(0).setCellValue(rows[i][0]);
                Cell cell = row.createCell(1);
                cell.setCellValue(rows[i][1]);
                if (SafeCells.looksLikeFormula(rows[i][1])) cell.setCellStyle(st.topQuoted);
            }
            info.setColumnWidth(0, 22 * 256);
            info.setColumnWidth(1, 110 * 256);
            wb.write(out);
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    /** The cell styles, made once per workbook (a workbook holds at most some 64,000). */
    private static final class Styles {
        final CellStyle header, top, wrap, topQuoted, wrapQuoted;

        Styles(SXSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            top = wb.createCellStyle();
            top.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = wb.createCellStyle();
            wrap.cloneStyleFrom(top);
            wrap.setWrapText(true);
            topQuoted = quoted(wb, top);
            wrapQuoted = quoted(wb, wrap);
        }
    }

    private static void header(SXSSFSheet sheet, List<String> names, int[] widths, Styles st) {
        Row h = sheet.createRow(0);
        int lines = 1;
        for (int c = 0; c < names.size(); c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(st.header);
            sheet.setColumnWidth(c, widths[c] * 256);
            lines = Math.max(lines, lines(names.get(c), widths[c]));
        }
        h.setHeightInPoints(lines * LINE_POINTS + PADDING_POINTS);
    }

    /** Writes a row's cells; those from {@code wrapFrom} on wrap their text (on the first sheet, all but the id). */
    private static void cells(Row row, List<String> cells, int wrapFrom, Styles st) {
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            // An undecided review cell, or a confirmation's reason, is no cell at all.
            if (value == null || value.isEmpty()) continue;
            boolean wraps = c >= wrapFrom;
            boolean formulaLike = SafeCells.looksLikeFormula(value);
            Cell cell = row.createCell(c);
            cell.setCellValue(value);
            cell.setCellStyle(formulaLike ? (wraps ? st.wrapQuoted : st.topQuoted) : (wraps ? st.wrap : st.top));
        }
    }

    /** The height a row needs for its tallest wrapped cell. */
    static float height(List<String> cells, int[] widths) {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c) != null) lines = Math.max(lines, lines(cells.get(c), widths[c]));
        }
        return lines * LINE_POINTS + PADDING_POINTS;
    }

    /**
     * How many lines a text wraps to in a column {@code width} characters wide, broken between words
     * as a spreadsheet breaks them. Every character counts as a full character width (the widest
     * digit of the default font): ordinary text is narrower, so the row is never too low.
     */
    static int lines(String text, int width) {
        int room = Math.max(1, width - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            int used = 0;
            for (String word : paragraph.split(" ")) {
                int len = word.length();
                if (used == 0) {
                    used = len;
                } else if (used + 1 + len <= room) {
                    used += 1 + len;
                } else {
                    lines++;
                    used = len;
                }
                while (used > room) {
                    lines++;
                    used -= room;
                }
            }
        }
        return lines;
    }

    private static String providerType(ProviderType t) {
        return switch (t) {
            case VT -> "voltijdse school";
            case CDO -> "Centrum voor Deeltijds Onderwijs";
            case SYNTRA -> "Syntra";
        };
    }

    /** Landscape A4 with narrow margins, one page wide, as many pages down as needed, the header row on each. */
    private static void printSetup(SXSSFSheet sheet, String mark) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setMargin(PageMargin.LEFT, MARGIN_INCHES);
        sheet.setMargin(PageMargin.RIGHT, MARGIN_INCHES);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sheet.getHeader().setLeft(mark);
        sheet.getFooter().setRight("pagina &P van &N");
    }

    /** Left and right page margins. */
    static final double MARGIN_INCHES = 0.4;

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
