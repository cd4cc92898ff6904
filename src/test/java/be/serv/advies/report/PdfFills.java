package be.serv.advies.report;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Counts the filled shapes a PDF page draws, by fill colour ({@code #rrggbb}): how a test sees that a chart's bars are there. */
final class PdfFills extends PDFGraphicsStreamEngine {
    private final Map<String, Integer> fills = new HashMap<>();

    private PdfFills(PDPage page) {
        super(page);
    }

    static Map<String, Integer> of(PDPage page) throws IOException {
        PdfFills f = new PdfFills(page);
        f.processPage(page);
        return f.fills;
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
        String hex = String.format(Locale.ROOT, "#%06x", getGraphicsState().getNonStrokingColor().toRGB() & 0xffffff);
        fills.merge(hex, 1, Integer::sum);
    }

    @Override
    public void fillAndStrokePath(int windingRule) throws IOException {
        fillPath(windingRule);
    }

    @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) { }
    @Override public void drawImage(PDImage pdImage) { }
    @Override public void clip(int windingRule) { }
    @Override public void moveTo(float x, float y) { }
    @Override public void lineTo(float x, float y) { }
    @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { }
    @Override public Point2D getCurrentPoint() { return new Point2D.Float(); }
    @Override public void closePath() { }
    @Override public void endPath() { }
    @Override public void strokePath() { }
    @Override public void shadingFill(COSName shadingName) { }
}
