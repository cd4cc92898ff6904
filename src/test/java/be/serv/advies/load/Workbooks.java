package be.serv.advies.load;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Workbooks made from a copy's CSV tables, with one cell made as an office program might make it. */
final class Workbooks {
    private Workbooks() {
    }

    /** Sets one cell of the new sheet: {@code row} counts data rows from 0, the value is the CSV's. */
    @FunctionalInterface
    interface CellMaker {
        /** True when it made the cell; false leaves the CSV's value as text. */
        boolean make(XSSFWorkbook wb, Cell cell, int row, String column, String value);
    }

    /** {@code name}.csv of the copy replaced by {@code name}.xlsx (sheet {@code sheetName}). */
    static void fromCsv(ShippedCopy copy, String name, String sheetName, CellMaker maker) throws IOException {
        fromCsv(copy.file(name + ".csv"), sheetName, maker);
    }

    /** The CSV file replaced by a workbook of the same name ending in .xlsx. */
    static Path fromCsv(Path csv, String sheetName, CellMaker maker) throws IOException {
        String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        List<Problem> none = new ArrayList<>();
        Table table = TableReader.read(name + ".csv", Files.readAllBytes(csv), none);
        if (!none.isEmpty()) throw new AssertionError(none.toString());
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int c = 0; c < table.header().size(); c++) head.createCell(c).setCellValue(table.header().get(c));
            for (int r = 0; r < table.rows().size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
                for (int c = 0; c < table.header().size(); c++) {
                    String column = table.header().get(c);
                    String value = table.rows().get(r).values().getOrDefault(column, "");
                    Cell cell = row.createCell(c);
                    if (!maker.make(wb, cell, r, column, value)) cell.setCellValue(value);
                }
            }
            wb.write(out);
            Files.write(csv.resolveSibling(name + ".xlsx"), out.toByteArray());
        }
        Files.delete(csv);
        return csv.resolveSibling(name + ".xlsx");
    }

    /** Rewrites the XML of the first sheet inside the workbook, as a program that writes the file itself might. */
    static void editSheetXml(Path xlsx, UnaryOperator<String> edit) throws IOException {
        byte[] in = Files.readAllBytes(xlsx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(in)); ZipOutputStream zout = new ZipOutputStream(out)) {
            boolean edited = false;
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] content = zin.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    String changed = edit.apply(xml);
                    if (changed.equals(xml)) throw new AssertionError("the edit of sheet1.xml changed nothing");
                    content = changed.getBytes(StandardCharsets.UTF_8);
                    edited = true;
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(content);
                zout.closeEntry();
            }
            if (!edited) throw new AssertionError("no sheet1.xml in " + xlsx);
        }
        Files.write(xlsx, out.toByteArray());
    }
}
