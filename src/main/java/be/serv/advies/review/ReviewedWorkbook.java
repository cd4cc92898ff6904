package be.serv.advies.review;

import be.serv.advies.output.SafeCells;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.report.AnnexWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The report's annex workbook with its review columns filled in: "Bevestigd advies" gets the decided
 * advice (with "(gewijzigd: reason)" for an override) and "Nagekeken door" the reviewer. Open
 * applications keep those cells empty.
 */
public final class ReviewedWorkbook {
    private ReviewedWorkbook() {
    }

    public static byte[] bytes(DraftRun run, Map<String, Decision> latest) throws IOException {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(latest, "latest");
        byte[] draft = AnnexWorkbook.bytes(run);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(draft)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            int col = AnnexWorkbook.CONFIRMED_COLUMN;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(0) == null) continue;
                Decision d = latest.get(row.getCell(0).getStringCellValue());
                if (d == null) continue;
                String advice = d.advice().label() + (d.overridden() ? " (gewijzigd: " + d.reason() + ")" : "");
                row.createCell(col).setCellValue(SafeCells.neutralise(advice));
                row.createCell(col + 1).setCellValue(SafeCells.neutralise(d.reviewer()));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
