package be.serv.advies.authoring;

import be.serv.advies.load.Problem;
import be.serv.advies.load.Table;
import be.serv.advies.load.TableReader;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Temporary copies of the shipped rules that a test may break on purpose, and CSV tables turned into workbooks. */
final class RulesCopy {
    private RulesCopy() {
    }

    static Path of(String from) {
        try {
            Path dir = be.serv.advies.testing.TempDirs.create("advies-authoring-");
            Path src = Path.of(from);
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path to = dir.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path shipped() {
        return of("rules");
    }

    /** Rewrites one file of the copy; fails the test when the edit changes nothing (the rule text moved). */
    static void edit(Path dir, String file, UnaryOperator<String> change) {
        try {
            Path p = dir.resolve(file);
            String before = Files.readString(p);
            String after = change.apply(before);
            if (after.equals(before)) throw new AssertionError("edit of " + file + " changed nothing");
            Files.writeString(p, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV table as the first sheet of a workbook, numbers (4 or 4,5) as numeric cells the way Excel keeps them. */
    static void csvToXlsx(Path csv, Path xlsx, String sheetName, UnaryOperator<List<List<String>>> tweak) {
        try {
            List<Problem> problems = new ArrayList<>();
            Table t = TableReader.read(csv.getFileName().toString(), Files.readAllBytes(csv), problems);
            if (!problems.isEmpty()) throw new AssertionError(problems.toString());
            List<List<String>> rows = new ArrayList<>();
            rows.add(new ArrayList<>(t.header()));
            for (var r : t.rows()) {
                List<String> cells = new ArrayList<>();
                for (String h : t.header()) cells.add(r.raw(h) == null ? "" : r.raw(h));
                rows.add(cells);
            }
            rows = tweak.apply(rows);
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
                Sheet sheet = wb.createSheet(sheetName);
                for (int i = 0; i < rows.size(); i++) {
                    var row = sheet.createRow(i);
                    for (int j = 0; j < rows.get(i).size(); j++) {
                        String v = rows.get(i).get(j);
                        if (v.isEmpty()) continue;
                        if (i > 0 && v.matches("\\d{1,9}")) row.createCell(j).setCellValue(Integer.parseInt(v));
                        // Excel keeps a decimal typed as 4,5 (Dutch) as the number 4.5.
                        else if (i > 0 && v.matches("\\d{1,9},\\d{1,9}")) row.createCell(j).setCellValue(Double.parseDouble(v.replace(',', '.')));
                        else row.createCell(j).setCellValue(v);
                    }
                }
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
