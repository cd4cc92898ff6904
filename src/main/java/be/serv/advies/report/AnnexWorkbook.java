package be.serv.advies.report;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Trajectory;
import be.serv.advies.output.SafeCells;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Verdict;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * annex.xlsx: the per-application annex as the SERV publishes it, with the draft advice and two
 * empty columns ("Bevestigd advies", "Nagekeken door") for the reviewer. Header row frozen, filters
 * on every column. Every text cell from the input goes through {@link SafeCells}, so a school name
 * like "=HYPERLINK(...)" stays text.
 */
public final class AnnexWorkbook {
    public static final String SHEET = "Annex";
    /** Column headers, in order; the last two are filled in at review. */
    public static final List<String> COLUMNS = List.of("Id", "Instellingsnummer", "School", "Vestigingsplaats",
            "Gemeente", "Provincie", "Net", "Soort aanbieder", "Onderwijs", "Standaardtraject", "Code traject",
            "Niveau", "Sectoraal partnerschap", "Ontwerpadvies", "Redenen", "Motivering", "Bevestigd advies",
            "Nagekeken door");
    public static final int CONFIRMED_COLUMN = COLUMNS.indexOf("Bevestigd advies");
    private static final int[] WIDTHS = {11, 14, 34, 10, 18, 16, 8, 12, 10, 38, 26, 16, 30, 24, 28, 90, 22, 18};

    private AnnexWorkbook() {
    }

    public static byte[] bytes(DraftRun run) throws IOException {
        Objects.requireNonNull(run, "run");
        Batch batch = run.batch();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(SHEET);
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle top = wb.createCellStyle();
            top.setVerticalAlignment(VerticalAlignment.TOP);

            Row h = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                h.createCell(c).setCellValue(COLUMNS.get(c));
                h.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int r = 1;
            for (Advice advice : run.advices()) {
                Application a = batch.application(advice.applicationId()).orElseThrow();
                Trajectory t = batch.trajectory(a.getTrajectory());
                List<String> cells = Arrays.asList(a.getId(), a.getInstitutionNumber(), a.getInstitutionName(),
                        a.getCampusNumber(), a.getPlace(), a.getProvince().label(), a.getNetwork().label(),
                        a.getProviderType().name(), a.getEducation() == be.serv.advies.model.Education.SO ? "SO" : "BuSO",
                        t.getName(), t.getCode(), t.getLevel().label(), batch.partnership(t.getPartnership()).getName(),
                        advice.verdict().label(), String.join(", ", advice.reasons()), advice.motivation(), "", "");
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(SafeCells.neutralise(cells.get(c)));
                    row.getCell(c).setCellStyle(c == COLUMNS.indexOf("Motivering") ? wrap : top);
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, COLUMNS.size() - 1));
            if (r > 1) {
                // The reviewer picks the confirmed advice from the four the SERV gives.
                DataValidationHelper dv = sheet.getDataValidationHelper();
                String[] labels = Arrays.stream(Verdict.values()).map(Verdict::label).toArray(String[]::new);
                DataValidation v = dv.createValidation(dv.createExplicitListConstraint(labels),
                        new CellRangeAddressList(1, r - 1, CONFIRMED_COLUMN, CONFIRMED_COLUMN));
                v.setShowErrorBox(true);
                sheet.addValidationData(v);
            }

            XSSFSheet info = wb.createSheet("Info");
            String[][] rows = {
                    {"Schooljaar", nz(batch.getSchoolYear())},
                    {"Advies", "Ontwerpadvies, op te volgen door een medewerker (kolommen Bevestigd advies en Nagekeken door)"},
                    {"Hash van de regels", run.rules().hash()},
                    {"Hash van de invoer", batch.getInputHash()},
                    {"Aanvragen", String.valueOf(run.advices().size())}};
            for (int i = 0; i < rows.length; i++) {
                Row row = info.createRow(i);
                row.createCell(0).setCellValue(rows[i][0]);
                row.createCell(1).setCellValue(SafeCells.neutralise(rows[i][1]));
            }
            info.setColumnWidth(0, 22 * 256);
            info.setColumnWidth(1, 90 * 256);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
