package be.serv.advies.report;

import be.serv.advies.model.Verdict;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * report.docx: the skeleton of the SERV's advice in the seed's order (title page, letter,
 * Krachtlijnen, §1, §2 with every figure and table, §3 with §3.1's counts, Tabel 1 and §3.3, Bijlage
 * 1, colophon), in Word's own styles (Heading 1-3, Title, Caption, a table style) so the navigation
 * pane and a table of contents work, and a marked paragraph wherever the secretariat writes its text.
 * While any advice is a draft, every page's header says so.
 */
public final class ReportDocx {
    /** The paragraph style of the places the secretariat writes in; Word shows its name in the style list. */
    public static final String COMMENTARY_STYLE = "TeSchrijven";
    public static final String TABLE_STYLE = "AdviesTabel";

    private final XWPFDocument doc;
    private final Report r;
    private final ReportView v;

    private ReportDocx(XWPFDocument doc, Report report) {
        this.doc = doc;
        this.r = report;
        this.v = new ReportView(report, true);
    }

    public static byte[] bytes(Report report) throws IOException {
        Objects.requireNonNull(report, "report");
        try (XWPFDocument doc = new XWPFDocument()) {
            new ReportDocx(doc, report).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private void write() throws IOException {
        DocxPage.a4(doc);
        DocxPage.styles(doc);
        doc.getProperties().getCoreProperties().setTitle(v.title());
        doc.getProperties().getCoreProperties().setCreator("SERV");
        if (!v.allDecided()) {
            XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
            XWPFRun mark = header.createParagraph().createRun();
            mark.setBold(true);
            mark.setColor("8A1C1C");
            mark.setFontSize(8);
            mark.setText(v.mark());
        }

        titlePage();
        heading(1, "Brief aan de minister");
        write("Aanhef, de kern van het advies en de ondertekening.");
        heading(1, "Krachtlijnen");
        paragraph(v.headline());
        write("De krachtlijnen van het advies.");
        heading(1, "Advies");
        write("Dankwoord en opbouw van het advies.");

        heading(1, "1. Aanbevelingen voor toekomstige programmatie");
        heading(2, "1.1 Honoreer sectorale adviezen en suggesties");
        write("Aanbevelingen bij de beslissing over de programmatie.");
        heading(2, "1.2 Voorzie nieuwe programmatieprocedure");
        write("Aanbevelingen voor de programmatieprocedure.");

        heading(1, "2. Analyse aanvragen");
        write("Inleiding bij de analyse.");
        networks();
        provinces();
        newTrajectories();
        levels();
        signals();

        heading(1, "3. Advies");
        write("Inleiding bij het advies van de sectoren.");
        advice();
        tabel1();
        heading(2, "3.2 Sectoren duiden tekorten");
        paragraph(v.shortagesSentence());
        write("Duiding bij de tekorten.");
        heading(2, "3.3 Sectorale initiatieven naar scholen rond programmatie, organisatie of instroom van leerlingen");
        write("De initiatieven die de sectoren meldden.");

        bijlage1();
        colophon();
    }

    // --- the document's parts ------------------------------------------------------------------

    private void titlePage() {
        XWPFParagraph title = doc.createParagraph();
        title.setStyle("Title");
        title.createRun().setText("Programmatieaanvragen duale structuuronderdelen" + (r.schoolYear() == null ? "" : ", schooljaar " + r.schoolYear()));
        paragraph("Globaal advies van de SERV over de programmatieaanvragen Duaal Leren. Het advies per aanvraag staat in de annex.");
        paragraph(v.allDecided() ? "Beslist advies: alle " + r.applications() + " adviezen zijn door beoordelaars beslist."
                : "Ontwerp: dit is nog niet het advies van de SERV. " + r.decided() + " van de " + r.applications()
                + " aanvragen zijn door beoordelaars beslist; de overige adviezen zijn ontwerpen die de regels opstelden.");
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    private void networks() {
        heading(2, "2.1 Aanvragen per koepel, net of aanbieder");
        paragraph("Voor het schooljaar" + (r.schoolYear() == null ? "" : " " + r.schoolYear()) + " dienden " + r.institutions().size()
                + " unieke instellingen van het gewoon secundair onderwijs " + r.so().count() + " programmatieaanvragen in. Voor "
                + r.firstTimeInstitutions().size() + " onderwijsinstellingen is het de eerste keer dat ze een aanvraag indienen. "
                + r.reapplications().count() + " aanvragen zijn een her-aanvraag. "
                + (r.reapplicationBreakdown().isEmpty() ? "" : r.reapplicationBreakdown().sentence() + " ") + r.fullTime().count() + " aanvragen ("
                + ReportView.pct(r.fullTimeSharePercent()) + ") komen van een voltijdse school, " + r.notFullTime().count()
                + " van een Centrum voor Deeltijds Onderwijs (CDO) of een Syntra vzw.");
        boolean prev = r.previous() != null;
        List<String> head = new ArrayList<>(List.of("Koepel, net of aanbieder", "Aanvragen", "Aandeel", "Van een voltijdse school", "Aandeel voltijds"));
        if (prev) head.addAll(List.of("Vorig jaar", "Verandering"));
        List<List<String>> rows = new ArrayList<>();
        for (Report.NetworkRow n : r.networks()) {
            List<String> row = new ArrayList<>(List.of(ReportView.cap(ReportView.networkName(n.network())), num(n.applications().count()),
                    ReportView.pct(n.sharePercent()), num(n.fullTime().count()),
                    n.applications().count() == 0 ? "–" : ReportView.pct(n.fullTimeSharePercent())));
            if (prev) row.addAll(change(n.change()));
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("Totaal", num(r.so().count()), "100%", num(r.fullTime().count()), ReportView.pct(r.fullTimeSharePercent())));
        if (prev) total.addAll(change(r.soChange()));
        rows.add(total);
        table(head, rows, true);
        write("Duiding bij de aanvragen per koepel, net of aanbieder.");
    }

    private void provinces() throws IOException {
        heading(2, "2.2 Spreiding over Vlaanderen");
        chart(v.provinceChart());
        boolean prev = r.previous() != null;
        List<String> head = new ArrayList<>(List.of("Provincie of gewest", "Aanvragen", "Aandeel"));
        if (prev) head.addAll(List.of("Vorig jaar", "Verandering"));
        List<List<String>> rows = new ArrayList<>();
        for (Report.ProvinceRow p : r.provinces()) {
            List<String> row = new ArrayList<>(List.of(ReportView.provinceName(p.province()), num(p.applications().count()), ReportView.pct(p.sharePercent())));
            if (prev) row.addAll(change(p.change()));
            rows.add(row);
        }
        table(head, rows, false);
        write("Duiding bij de spreiding over Vlaanderen.");
    }

    private void newTrajectories() {
        heading(2, "2.3 Nieuwe standaardtrajecten");
        paragraph(v.newTrajectoriesSentence());
        caption("Nieuwe standaardtrajecten zonder aanvraag");
        List<List<String>> rows = new ArrayList<>();
        for (Report.TrajectoryRef t : r.newWithoutApplication()) rows.add(List.of(t.name(), t.level() == null ? "" : t.level().label(), t.sector()));
        table(List.of("Standaardtraject", "Niveau", "Sectoraal partnerschap"), rows, false);
        if (!r.popular().isEmpty()) {
            caption("Populaire standaardtrajecten (vanaf " + Report.POPULAR_FROM + " aanvragen)");
            List<List<String>> pop = new ArrayList<>();
            for (Report.PopularRow p : r.popular()) {
                pop.add(List.of(p.trajectory().name() + (p.trajectory().isNew() ? " (nieuw)" : ""), p.trajectory().level().label(),
                        num(p.applications().count())));
            }
            table(List.of("Standaardtraject", "Niveau", "Aanvragen"), pop, false);
        }
        write("Duiding bij de nieuwe en de populaire standaardtrajecten.");
    }

    private void levels() throws IOException {
        heading(2, "2.4 Aanvragen per niveau en finaliteit");
        chart(v.levelChart());
        boolean prev = r.previous() != null;
        List<String> head = new ArrayList<>(List.of("Niveau", "Aanvragen", "Aandeel"));
        if (prev) head.add("Verandering");
        head.addAll(List.of("Opleidingen gevraagd", "Aanvragen voor nieuwe opleidingen", "Nieuwe opleidingen gevraagd", "Met kenmerk VT"));
        List<List<String>> rows = new ArrayList<>();
        for (Report.LevelRow l : v.levelRows()) {
            boolean buso = l == r.busoLevel();
            String parts = v.levelParts(l);
            List<String> row = new ArrayList<>(List.of((buso ? "BuSO opleidingsvorm 3" : l.label()) + (parts == null ? "" : " (" + parts + ")"),
                    num(l.applications().count()), buso ? "–" : ReportView.pct(l.sharePercent())));
            if (prev) row.add(ReportView.change(l.change().percent()));
            row.addAll(List.of(l.trajectoriesAsked() + " van " + l.trajectoriesPossible(), num(l.newApplications().count()),
                    l.newTrajectoriesAsked() + " van " + l.newTrajectoriesPossible(), num(l.fullTime().count())));
            rows.add(row);
        }
        table(head, rows, false);
        write("Duiding bij de finaliteit en de niveaus.");
    }

    private void signals() {
        heading(2, "2.5 Zwakke aanvragen");
        paragraph(ReportView.SIGNALS_INTRO);
        List<List<String>> rows = new ArrayList<>();
        for (Report.SignalRow s : v.signalsFound()) {
            rows.add(List.of(ReportView.cap(s.label()), num(s.applications().count()),
                    ReportView.pct(Change.share(s.applications().count(), r.so().count()))));
        }
        table(List.of("Signaal", "Aanvragen SO", "Aandeel"), rows, false);
        write("Voorbeelden van inspirerende en van zwakke aanvragen.");
    }

    private void advice() {
        heading(2, "3.1 Advies per aanvraag");
        paragraph(v.headline());
        paragraph("Van de " + r.so().count() + " programmatieaanvragen in het gewoon secundair onderwijs krijgt"
                + (v.allDecided() ? "" : " volgens " + (r.decided() == 0 ? "het ontwerpadvies" : "de beslissingen en, voor de overige, het ontwerpadvies")) + ":");
        List<List<String>> rows = new ArrayList<>();
        for (Report.VerdictRow row : r.soVerdicts()) {
            rows.add(List.of(ReportView.cap(row.verdict().label()), num(row.applications().count()), ReportView.pct(row.sharePercent())));
            for (Report.ReasonRow reason : v.reasons(row.verdict())) rows.add(List.of("    " + ReportView.cap(reason.label()), num(reason.applications().count()), ""));
            if (row.verdict() == Verdict.POSITIVE_WITH_REMARKS) {
                rows.add(List.of("    Met een aandachtspunt van de sector (Tabel 1)", num(r.attentionPoints().count()), ""));
                rows.add(List.of("    Enkel een positieve bekrachtiging (niet in Tabel 1)", num(r.confirmationsOnly().count()), ""));
            }
        }
        table(List.of("Advies", "Aanvragen SO", "Aandeel"), rows, false);
        Report.VerdictRow busoPositive = v.busoPositive();
        paragraph("Van de " + r.buso().count() + " programmatieaanvragen in het buitengewoon secundair onderwijs krijgen er "
                + busoPositive.applications().count() + " (" + ReportView.pct(busoPositive.sharePercent()) + ") een positief advies.");
        write("Duiding bij het advies per aanvraag.");
    }

    private void tabel1() throws IOException {
        caption("Tabel 1: Aantal aanvragen en advisering volgens sectoraal partnerschap");
        List<List<String>> rows = new ArrayList<>();
        for (Report.SectorRow s : r.tabel1()) {
            rows.add(List.of(s.name(), num(s.soApplications()), num(s.negativeOrNoAdvice().count()), num(s.attentionPoints().count()),
                    num(s.busoApplications()), s.motivation()));
        }
        rows.add(List.of("Totaal", num(v.tabel1So()), num(v.tabel1Negative()), num(v.tabel1Attention()), num(v.tabel1Buso()), ""));
        table(List.of("Sectoraal partnerschap", "Aantal aanvragen SO", "Negatieve appreciatie of geen advies", "Positief met aandachtspunten",
                "Aantal aanvragen BuSO", "Motivatie"), rows, true);
        chart(v.sectorChart());
    }

    private void bijlage1() {
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
        heading(1, "Bijlagen");
        heading(2, "Bijlage 1. Programmatie-inspiratie: tekorten in het huidig aanbod");
        paragraph(v.shortagesSentence());
        for (ReportView.SectorShortages sector : v.bijlage1()) {
            heading(3, "SP " + sector.sector());
            if (sector.remarks() != null) paragraph("Bijkomende opmerkingen van de sector: “" + sector.remarks() + "”");
            List<List<String>> rows = new ArrayList<>();
            for (Report.SignalledShortage s : sector.rows()) {
                rows.add(List.of(s.trajectory().name(), s.region(), "“" + s.text() + "”", ReportView.answered(s)));
            }
            table(List.of("Standaardtraject", "Regio", "De sector schrijft", "Aanvragen"), rows, false);
        }
    }

    private void colophon() {
        heading(1, "Colofon");
        paragraph("Opgesteld met het commando " + v.command() + (r.schoolYear() == null ? "" : " voor het schooljaar " + r.schoolYear()) + ": " + r.basis() + ".");
        paragraph("Regels " + r.rulesHash());
        paragraph("Invoer " + r.inputHash());
        paragraph("Bij dit document horen report.html (met per aantal de aanvragen die het telt), report.pdf, report.json en annex.xlsx (het advies per aanvraag).");
    }

    // --- building blocks -----------------------------------------------------------------------

    private void heading(int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(text);
    }

    private void paragraph(String text) {
        doc.createParagraph().createRun().setText(text);
    }

    /** A marked place for the secretariat's own text, in the style Word lists as "Te schrijven". */
    private void write(String what) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(COMMENTARY_STYLE);
        p.createRun().setText("[Te schrijven: " + what + "]");
    }

    private void caption(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Caption");
        p.createRun().setText(text);
    }

    private void chart(ReportView.Chart chart) throws IOException {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        // 16 cm wide, the height in proportion, within the page's 16.6 cm between the margins
        double widthCm = 16, heightCm = widthCm * chart.height() / chart.width();
        try (ByteArrayInputStream png = new ByteArrayInputStream(ChartImage.png(chart))) {
            p.createRun().addPicture(png, Document.PICTURE_TYPE_PNG, chart.id() + ".png",
                    Units.toEMU(widthCm / 2.54 * 72), Units.toEMU(heightCm / 2.54 * 72));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException("chart " + chart.id(), e);
        }
        caption(chart.caption());
    }

    /** A table in the document's table style, its header row repeated on every page, no row split over two pages. */
    private void table(List<String> head, List<List<String>> rows, boolean lastIsTotal) {
        XWPFTable t = doc.createTable(rows.size() + 1, head.size());
        t.setStyleID(TABLE_STYLE);
        t.setWidth("100%");
        t.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "1B2733");
        t.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "1B2733");
        t.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "D5DDE5");
        t.removeLeftBorder();
        t.removeRightBorder();
        t.removeInsideVBorder();
        fill(t.getRow(0), head, true);
        t.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = t.getRow(i + 1);
            row.setCantSplitRow(true);
            fill(row, rows.get(i), lastIsTotal && i == rows.size() - 1);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setSpacingAfter(0);
            if (c > 0 && cells.get(c).matches("[−+]?[0-9][0-9,.]*%?|–")) p.setAlignment(ParagraphAlignment.RIGHT);
            XWPFRun run = p.createRun();
            run.setText(cells.get(c));
            run.setFontSize(9);
            run.setBold(bold);
        }
    }

    private static String num(int n) {
        return String.valueOf(n);
    }

    private static List<String> change(Change c) {
        return List.of(c.previous() == null ? "–" : String.valueOf(c.previous()), ReportView.change(c.percent()));
    }
}
