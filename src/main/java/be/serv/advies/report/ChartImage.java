package be.serv.advies.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A chart of the report as a PNG, for report.docx: the same shapes report.html draws as SVG, painted
 * with Java2D in the report's font, at twice the size so it prints sharp.
 */
final class ChartImage {
    static final int SCALE = 2;
    private static final Font FONT = font();

    private ChartImage() {
    }

    static byte[] png(ReportView.Chart chart) {
        BufferedImage img = new BufferedImage(chart.width() * SCALE, chart.height() * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(SCALE, SCALE);
            g.setColor(Color.decode("#e3e8ee"));
            g.setStroke(new BasicStroke(1f));
            for (ReportView.Line l : chart.grid()) g.draw(new Line2D.Double(d(l.x1()), d(l.y1()), d(l.x2()), d(l.y2())));
            for (ReportView.Rect r : chart.rects()) {
                g.setColor(Color.decode(r.fill()));
                g.fill(new Rectangle2D.Double(d(r.x()), d(r.y()), d(r.width()), d(r.height())));
            }
            g.setColor(Color.decode("#1b2733"));
            for (ReportView.Text t : chart.texts()) {
                g.setFont(FONT.deriveFont((float) t.size()));
                double w = g.getFontMetrics().getStringBounds(t.text(), g).getWidth();
                double x = d(t.x()) - switch (t.anchor()) {
                    case "middle" -> w / 2;
                    case "end" -> w;
                    default -> 0;
                };
                g.drawString(t.text(), (float) x, (float) d(t.y()));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static Font font() {
        try (InputStream in = ChartImage.class.getResourceAsStream("/be/serv/advies/report/fonts/DejaVuSans.ttf")) {
            if (in == null) throw new IOException("font missing from the jar: DejaVuSans.ttf");
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("DejaVuSans.ttf", e);
        }
    }
}
