package be.serv.advies.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * report.pdf: the report page laid out on A4 by openhtmltopdf, the same template and charts as
 * report.html, with the draft mark and page number on every page and the DejaVu fonts (shipped in
 * the jar with their licence) embedded, so the file reads the same wherever it is mailed or archived.
 */
public final class ReportPdf {
    private static final String FONTS = "/be/serv/advies/report/fonts/";

    static {
        // Its log speaks of CSS the browser-only parts of the page use (screen layout); a failure still throws.
        XRLog.setLoggingEnabled(false);
    }

    private ReportPdf() {
    }

    public static byte[] bytes(Report report) throws IOException {
        Objects.requireNonNull(report, "report");
        // HTML5 as a browser reads it (jsoup), handed to the layout engine as a DOM.
        Document html = Jsoup.parse(ReportHtml.renderForPdf(report));
        bookmarks(html);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // Tagged (PDF/UA): a screen reader follows headings, tables and paragraphs, and the language is the page's (nl).
        builder.usePdfUaAccessibility(true);
        builder.withProducer("advies");
        builder.useSVGDrawer(new BatikSVGDrawer());
        font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.ITALIC);
        font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, BaseRendererBuilder.FontStyle.NORMAL);
        builder.withW3cDocument(new W3CDom().fromJsoup(html), null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    /**
     * The PDF's outline: one bookmark per section heading (h2 with an id), added to the parsed page's
     * head, where openhtmltopdf reads them; a browser never sees this element.
     */
    private static void bookmarks(Document html) {
        org.jsoup.nodes.Element list = html.head().appendElement("bookmarks");
        for (org.jsoup.nodes.Element h : html.select("h2[id]")) {
            list.appendElement("bookmark").attr("name", h.text()).attr("href", "#" + h.id());
        }
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight, BaseRendererBuilder.FontStyle style) {
        builder.useFont(() -> {
            InputStream in = ReportPdf.class.getResourceAsStream(FONTS + file);
            if (in == null) throw new UncheckedIOException(new IOException("font missing from the jar: " + file));
            return in;
        }, family, weight, style, true);
    }
}
