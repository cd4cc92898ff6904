package be.serv.advies.load;

import org.apache.poi.ss.usermodel.CellStyle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * The damage a fault campaign on copies of the shipped batch found passing or told badly, each with
 * the message (at its place) it must now be refused with. {@link InputFindingsTest} runs each
 * through {@code evaluate}; {@link RefusalMessagesGoldenTest} keeps every message in a golden file.
 */
final class InputFindings {
    private InputFindings() {
    }

    @FunctionalInterface
    interface Edit {
        void apply(ShippedCopy copy) throws IOException;
    }

    record Finding(String name, Edit edit, String... expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String NO_COUNTS = "{\"school_year\": \"2022-2023\"}\n";

    static List<Finding> all() {
        return List.of(
                // 1. Truncation
                new Finding("capacity.csv cut inside its last value", c -> cut(c, "capacity.csv", 2),
                        "capacity.csv:470:5: de laatste regel eindigt niet met een regeleinde: het bestand lijkt afgebroken"),
                new Finding("shortages.csv cut inside the sector's quote", c -> cut(c, "shortages.csv", 12),
                        "shortages.csv:112:6: de laatste regel eindigt niet met een regeleinde"),
                new Finding("applications.csv cut inside its last text", c -> cut(c, "applications.csv", 40),
                        "applications.csv:384:22: de laatste regel eindigt niet met een regeleinde"),
                // 2. Spreadsheet cells
                new Finding("a formula with an empty stored value <v></v>", c -> {
                    formula(c, "expected_students");
                    Workbooks.editSheetXml(c.file("applications.xlsx"), xml -> xml.replace("<f>3+5</f>", "<f>3+5</f><v></v>"));
                }, "applications.xlsx:Aanvragen!M2: de formule =3+5 heeft geen berekende waarde in het bestand; open en bewaar het bestand in Excel"),
                new Finding("a formula with an empty stored value <v/> as id", c -> {
                    formula(c, "id");
                    Workbooks.editSheetXml(c.file("applications.xlsx"), xml -> xml.replace("<f>3+5</f>", "<f>3+5</f><v/>"));
                }, "applications.xlsx:Aanvragen!A2: de formule =3+5 heeft geen berekende waarde in het bestand"),
                new Finding("a date-formatted cell as a number", c -> date(c, "expected_students", 44569),
                        "applications.xlsx:Aanvragen!M2: de cel is opgemaakt als datum (8/1/22); in deze tabel staan geen datums. Geef de cel de opmaak 'Standaard' of 'Tekst' en typ de waarde opnieuw"),
                new Finding("a date-formatted cell as an id", c -> date(c, "id", 44980),
                        "applications.xlsx:Aanvragen!A2: de cel is opgemaakt als datum"),
                new Finding("a number that is almost whole", c -> Workbooks.fromCsv(c, "applications", "Aanvragen", (wb, cell, row, col, v) -> {
                    if (row != 0 || !col.equals("expected_students")) return false;
                    cell.setCellValue(8.0000000001);
                    return true;
                }), "applications.xlsx:Aanvragen!M2: expected_students: '8.0000000001' is geen geheel getal"),
                // 3. Lenient values
                new Finding("yes/no words other than ja and nee", c -> {
                    c.setApplicationCell("2223-0198", "sector_experience", "x");
                    c.setApplicationCell("2223-0199", "sector_experience", "yes");
                    c.setApplicationCell("2223-0200", "first_application", "n");
                    c.setApplicationCell("2223-0201", "reapplication", "0");
                    c.setApplicationCell("2223-0202", "labour_market_shown", "false");
                }, "applications.csv:199:16: sector_experience: 'x' is geen ja of nee; schrijf ja of nee",
                        "applications.csv:200:16: sector_experience: 'yes' is geen ja of nee",
                        "applications.csv:201:11: first_application: 'n' is geen ja of nee",
                        "applications.csv:202:12: reapplication: '0' is geen ja of nee",
                        "applications.csv:203:19: labour_market_shown: 'false' is geen ja of nee"),
                new Finding("ids that differ only in case", c -> {
                    c.setApplicationCell("2223-0002", "id", "a-1");
                    c.setApplicationCell("2223-0003", "id", "A-1");
                }, "applications.csv:4:1: id: 'A-1' verschilt van 'a-1' (rij 3) alleen in hoofdletters of in de schrijfwijze van een teken"),
                new Finding("ids that differ only in Unicode form", c -> {
                    c.setApplicationCell("2223-0002", "id", "caf\u00e9");
                    c.setApplicationCell("2223-0003", "id", "cafe\u0301");
                }, "applications.csv:4:1: id: 'cafe\u0301' verschilt van 'caf\u00e9' (rij 3) alleen in hoofdletters of in de schrijfwijze van een teken"),
                new Finding("an id with a Cyrillic letter", c -> c.setApplicationCell("2223-0002", "id", "2223-0002\u0430"),
                        "applications.csv:3:1: id: '2223-0002а' bevat een letter uit een ander schrift dan het Latijnse ('а') (U+0430) op positie 10"),
                new Finding("an id with an en dash", c -> c.setApplicationCell("2223-0002", "id", "2223\u20130002"),
                        "applications.csv:3:1: id: '2223–0002' bevat een ander streepje dan '-' (U+2013) op positie 5; typ het gewone streepje (-)"),
                new Finding("a header-only applications.csv", c -> headerOnly(c, "applications.csv"),
                        "applications.csv: bevat geen enkele rij; een lege tabel wordt alleen aanvaard als batch.json zegt dat ze leeg is: \"rows\": {\"applications\": 0}"),
                new Finding("a header-only capacity.csv", c -> headerOnly(c, "capacity.csv"),
                        "capacity.csv: bevat geen enkele rij; een lege tabel wordt alleen aanvaard"),
                new Finding("a header-only shortages.csv", c -> headerOnly(c, "shortages.csv"),
                        "shortages.csv: bevat geen enkele rij; een lege tabel wordt alleen aanvaard"),
                new Finding("a column with an empty header holding values", c -> {
                    String csv = c.text("applications.csv");
                    int endOfHeader = csv.indexOf("\r\n");
                    int endOfRow2 = csv.indexOf("\r\n", endOfHeader + 2);
                    c.write("applications.csv", csv.substring(0, endOfHeader) + ";" + csv.substring(endOfHeader, endOfRow2) + ";Bekaert"
                            + csv.substring(endOfRow2));
                }, "applications.csv:2:23: cel onder een kolom zonder naam in de kopregel: 'Bekaert'; geef de kolom haar naam of maak de cel leeg"),
                new Finding("a lone surrogate in a JSON string", c -> edit(c, "partnerships.json", "\"Autosector", "\"Auto\\ud800sector"),
                        "partnerships.json:4:13: de tekst 'Auto<U+D800>sector en aanverwanten' bevat een ongeldig Unicode-teken (U+D800, een halve tekencode)"),
                // Messages a secretariat can act on
                new Finding("a workbook cut short", c -> {
                    Workbooks.fromCsv(c, "applications", "Aanvragen", (wb, cell, row, col, v) -> false);
                    byte[] b = Files.readAllBytes(c.file("applications.xlsx"));
                    c.writeBytes("applications.xlsx", Arrays.copyOf(b, b.length / 2));
                }, "applications.xlsx: is geen leesbare Excel-werkmap (.xlsx): het bestand is beschadigd, afgebroken of onvolledig gekopieerd"),
                new Finding("a workbook with broken sheet XML", c -> {
                    Workbooks.fromCsv(c, "applications", "Aanvragen", (wb, cell, row, col, v) -> false);
                    Workbooks.editSheetXml(c.file("applications.xlsx"), xml -> xml.replaceFirst("<sheetData>", "<sheetData><<"));
                }, "applications.xlsx: is geen leesbare Excel-werkmap (.xlsx)"),
                new Finding("a workbook with damaged compressed data", c -> {
                    Workbooks.fromCsv(c, "applications", "Aanvragen", (wb, cell, row, col, v) -> false);
                    byte[] b = Files.readAllBytes(c.file("applications.xlsx"));
                    for (int i = b.length / 3; i < b.length / 3 + 64; i++) b[i] = (byte) ~b[i];
                    c.writeBytes("applications.xlsx", b);
                }, "applications.xlsx: is geen leesbare Excel-werkmap (.xlsx)"),
                new Finding("NaN in JSON", c -> edit(c, "partnerships.json", "\"has_partnership\": \"ja\"", "\"has_partnership\": NaN"),
                        "partnerships.json:5:27: geen geldige JSON: 'NaN' is geen getal in JSON; schrijf een getal, of laat de waarde leeg"),
                new Finding("JSON nested 1001 deep", c -> c.write("partnerships.json", "[".repeat(1001) + "]".repeat(1001) + "\n"),
                        "partnerships.json:1:1001: geen geldige JSON: de JSON is te diep genest (meer dan 1.000 niveaus)"),
                new Finding("a control character between JSON values", c -> edit(c, "partnerships.json", "[\n", "[\u0001\n"),
                        "partnerships.json:1:3: geen geldige JSON: een stuurteken (U+0001) tussen de waarden; verwijder het"),
                new Finding("a CSV saved as Unicode text (UTF-16)", c -> c.writeBytes("capacity.csv", utf16(c.text("capacity.csv"))),
                        "capacity.csv: is opgeslagen als UTF-16 (in Excel 'Unicode-tekst'), niet als UTF-8; open het in Excel en kies Opslaan als 'CSV UTF-8"),
                new Finding("a NUL byte in a CSV", c -> edit(c, "capacity.csv", "Antwerpen,OK2_BANDENMONTEUR", "Antwerpen,OK2_BANDEN\u0000MONTEUR"),
                        "capacity.csv: is geen tekstbestand: het bevat binaire gegevens (een NUL-byte op positie 71)"),
                new Finding("invalid UTF-8 in a CSV", c -> {
                    byte[] b = Files.readAllBytes(c.file("capacity.csv"));
                    byte[] bad = Arrays.copyOf(b, b.length);
                    bad[new String(b, StandardCharsets.UTF_8).indexOf("BANDENMONTEUR") + 3] = (byte) 0xFF;
                    c.writeBytes("capacity.csv", bad);
                }, "capacity.csv:2:18: geen geldige UTF-8-tekst; het bestand wordt niet gelezen. Bewaar het in Excel als 'CSV UTF-8"),
                new Finding("a number written 8e0 in JSON", c -> {
                    capacityAsJson(c);
                    edit(c, "capacity.json", "\"workplaces\": 41", "\"workplaces\": 8e0");
                }, "capacity.json:1:workplaces: workplaces: '8e0' is geen geheel getal"),
                new Finding("an unknown field in a JSON object", c -> edit(c, "partnerships.json", "\"code\": \"BOUW\",", "\"code\": \"BOUW\", \"sector\": \"bouw\","),
                        "partnerships.json:3:sector: onbekend veld 'sector' (het eerst in object 3 van de lijst); bekende velden: code, name, has_partnership"));
    }

    /**
     * The refusals the earlier input tests check one by one ({@code WholeInputTest}, {@code StrictValuesTest},
     * {@code BadInputTest}, ...), kept in the golden file beside the findings so every refusal message
     * a person reads is reviewed in one place.
     */
    static List<Finding> earlier() {
        return List.of(
                cell("an unknown trajectory code", "trajectory", "OK3_GROENAANLEG_BEHEEER"),
                new Finding("an id twice", c -> c.setApplicationCell("2223-0013", "id", "2223-0011")),
                cell("a negative count", "expected_students", "-3"),
                cell("a count in words", "partner_companies", "veel"),
                cell("an unknown choice", "network", "KATHOLIEK"),
                cell("an unknown province", "province", "Antwerp"),
                cell("an unknown municipality", "place", "Antwerpn"),
                cell("a place outside its row's province", "place", "Genk"),
                cell("a missing required value", "institution_name", ""),
                cell("a zero-width space in a code", "institution_number", "1577\u200b11"),
                cell("a control character in a text", "institution_name", "CDO\u0007 Sint-Jozef"),
                cell("more partners of another sector than partners", "partner_companies_other_sector", "9"),
                new Finding("a level of another finality", c -> edit(c, "trajectories.csv", "OK2_BANDENMONTEUR;Bandenmonteur duaal;OK2;ARBEIDSMARKT",
                        "OK2_BANDENMONTEUR;Bandenmonteur duaal;OK2;DUBBEL")),
                new Finding("a quote opened and never closed", c -> edit(c, "trajectories.csv", "OK2_BANDENMONTEUR;Bandenmonteur duaal",
                        "OK2_BANDENMONTEUR;\"Bandenmonteur duaal")),
                new Finding("a line with the wrong separator", c -> edit(c, "trajectories.csv", "OK2_BANDENMONTEUR;Bandenmonteur duaal;OK2;ARBEIDSMARKT;AUTO;nee;ja;",
                        "OK2_BANDENMONTEUR,Bandenmonteur duaal,OK2,ARBEIDSMARKT,AUTO,nee,ja,")),
                new Finding("a required column missing", c -> edit(c, "capacity.csv", "province,trajectory,providers,students,workplaces",
                        "province,trajectory,aanbieders,students,workplaces")),
                new Finding("an unknown column", c -> edit(c, "capacity.csv", "province,trajectory,providers,students,workplaces",
                        "province,trajectory,providers,students,workplaces,opmerking")),
                new Finding("a cell over 100,000 characters", c -> c.setApplicationCell("2223-0011", "application_text", "x".repeat(100_001))),
                new Finding("a table missing", c -> Files.delete(c.file("shortages.csv"))),
                new Finding("a table as CSV and as workbook", c -> {
                    java.nio.file.Path aside = Files.createDirectories(c.batch.resolveSibling("aside")).resolve("shortages.csv");
                    Files.copy(c.file("shortages.csv"), aside);
                    Files.move(Workbooks.fromCsv(aside, "Tekorten", (wb, cell, row, col, v) -> false), c.file("shortages.xlsx"));
                }),
                new Finding("another number of rows than batch.json states", c -> edit(c, "batch.json", "\"capacity\": 469", "\"capacity\": 470")),
                new Finding("another number of applications than the export", c -> edit(c, "batch.json", "\"export_total\": 383", "\"export_total\": 384")),
                new Finding("an unknown field in batch.json", c -> edit(c, "batch.json", "\"export_total\"", "\"export-total\"")),
                new Finding("a seal that is no SHA-256", c -> edit(c, "batch.json", "\"export_total\": 383", "\"export_total\": 383, \"sha256\": {\"capacity.csv\": \"abc\"}")),
                new Finding("a trailing comma in JSON", c -> edit(c, "partnerships.json", "\"has_partnership\": \"ja\"", "\"has_partnership\": \"ja\",")),
                new Finding("content after the JSON list", c -> c.write("partnerships.json", c.text("partnerships.json") + "[]\n")),
                new Finding("a field twice in a JSON object", c -> edit(c, "partnerships.json", "\"code\": \"AUTO\",", "\"code\": \"AUTO\", \"Code\": \"AUTO\",")),
                new Finding("a workbook renamed to .csv", c -> {
                    Workbooks.fromCsv(c, "shortages", "Tekorten", (wb, cell, row, col, v) -> false);
                    Files.move(c.file("shortages.xlsx"), c.file("shortages.csv"));
                }));
    }

    /** One cell of application 2223-0011 (a row without quoted cells) set to {@code value}. */
    private static Finding cell(String name, String column, String value) {
        return new Finding(name, c -> c.setApplicationCell("2223-0011", column, value));
    }

    private static void cut(ShippedCopy c, String file, int bytes) throws IOException {
        byte[] b = Files.readAllBytes(c.file(file));
        c.writeBytes(file, Arrays.copyOf(b, b.length - bytes));
    }

    private static void edit(ShippedCopy c, String file, String from, String to) throws IOException {
        String text = c.text(file);
        if (!text.contains(from)) throw new AssertionError(from + " not in " + file);
        c.write(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static void headerOnly(ShippedCopy c, String file) throws IOException {
        String text = c.text(file);
        c.write(file, text.substring(0, text.indexOf('\n') + 1));
        c.write("batch.json", NO_COUNTS);
    }

    private static void formula(ShippedCopy c, String column) throws IOException {
        Workbooks.fromCsv(c, "applications", "Aanvragen", (wb, cell, row, col, v) -> {
            if (row != 0 || !col.equals(column)) return false;
            cell.setCellFormula("3+5");
            return true;
        });
    }

    private static void date(ShippedCopy c, String column, double serial) throws IOException {
        Workbooks.fromCsv(c, "applications", "Aanvragen", (wb, cell, row, col, v) -> {
            if (row != 0 || !col.equals(column)) return false;
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("d/m/yy"));
            cell.setCellValue(serial);
            cell.setCellStyle(style);
            return true;
        });
    }

    private static byte[] utf16(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    /** capacity.csv as capacity.json, counts as JSON numbers, one object per line. */
    private static void capacityAsJson(ShippedCopy c) throws IOException {
        List<String> lines = c.text("capacity.csv").lines().toList();
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 1; i < lines.size(); i++) {
            String[] v = lines.get(i).split(",");
            json.append(String.format("{\"province\": \"%s\", \"trajectory\": \"%s\", \"providers\": %s, \"students\": %s, \"workplaces\": %s}%s%n",
                    v[0], v[1], v[2], v[3], v[4], i < lines.size() - 1 ? "," : ""));
        }
        c.write("capacity.json", json.append("]\n").toString());
        Files.delete(c.file("capacity.csv"));
    }
}
