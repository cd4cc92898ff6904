package be.serv.advies.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.math.BigInteger;

/** report.docx's page and styles: the part of the document that is set before any text. */
final class DocxPage {
    private DocxPage() {
    }

    /** A4 with margins of 2 cm. */
    static void a4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4 in twentieths of a point
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        BigInteger cm2 = BigInteger.valueOf(1134);
        mar.setTop(cm2);
        mar.setBottom(cm2);
        mar.setLeft(cm2);
        mar.setRight(cm2);
        mar.setHeader(BigInteger.valueOf(567));
        mar.setFooter(BigInteger.valueOf(567));
        mar.setGutter(BigInteger.ZERO);
    }

    /** Word's own style names (Title, Heading 1-3, Caption), so navigation and a table of contents work. */
    static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        styles.setSpellingLanguage("nl-BE");
        styles.setDefaultFonts(fonts("Calibri"));
        XWPFStyle normal = paragraphStyle("Normal", "Normal", null, -1, 11, false, null);
        // The default paragraph style: what every paragraph without a style of its own is in
        normal.getCTStyle().setDefault(Boolean.TRUE);
        styles.addStyle(normal);
        styles.addStyle(paragraphStyle("Title", "Title", "Normal", -1, 24, true, "1D5B86"));
        styles.addStyle(paragraphStyle("Heading1", "heading 1", "Normal", 0, 16, true, "1D5B86"));
        styles.addStyle(paragraphStyle("Heading2", "heading 2", "Normal", 1, 13, true, "1D5B86"));
        styles.addStyle(paragraphStyle("Heading3", "heading 3", "Normal", 2, 11, true, "1B2733"));
        styles.addStyle(paragraphStyle("Caption", "caption", "Normal", -1, 9, true, "5B6B7A"));
        CTStyle commentary = paragraphStyle(ReportDocx.COMMENTARY_STYLE, "Te schrijven", "Normal", -1, 11, false, "8A1C1C").getCTStyle();
        commentary.getRPr().addNewI();
        commentary.getRPr().addNewHighlight().setVal(STHighlightColor.YELLOW);
        styles.addStyle(new XWPFStyle(commentary));
        styles.addStyle(tableStyle());
    }

    private static CTFonts fonts(String name) {
        CTFonts f = CTFonts.Factory.newInstance();
        f.setAscii(name);
        f.setHAnsi(name);
        f.setCs(name);
        f.setEastAsia(name);
        return f;
    }

    /** A paragraph style; an outline level (0 = Heading 1) puts it in Word's navigation pane and table of contents. */
    private static XWPFStyle paragraphStyle(String id, String name, String basedOn, int outline, int points, boolean bold, String colour) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        if (basedOn != null) s.addNewBasedOn().setVal(basedOn);
        s.addNewNext().setVal("Normal");
        s.addNewQFormat();
        CTPPrGeneral p = s.addNewPPr();
        p.addNewSpacing().setAfter(BigInteger.valueOf(outline >= 0 ? 80 : 120));
        if (outline >= 0) {
            p.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            p.addNewKeepNext();
            p.getSpacing().setBefore(BigInteger.valueOf(outline == 0 ? 360 : 240));
        }
        CTRPr run = s.addNewRPr();
        if (bold) run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(points * 2L));
        if (colour != null) run.addNewColor().setVal(colour);
        return new XWPFStyle(s);
    }

    /**
     * The tables' style: small text without space after each paragraph. (Its borders are set on each
     * table: POI's schema subset has no table properties for a style.)
     */
    private static XWPFStyle tableStyle() {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(ReportDocx.TABLE_STYLE);
        s.setType(STStyleType.TABLE);
        s.addNewName().setVal("Adviestabel");
        s.addNewQFormat();
        s.addNewPPr().addNewSpacing().setAfter(BigInteger.ZERO);
        s.addNewRPr().addNewSz().setVal(BigInteger.valueOf(18));
        return new XWPFStyle(s);
    }
}
