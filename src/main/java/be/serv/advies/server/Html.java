package be.serv.advies.server;

import be.serv.advies.output.HtmlText;

/**
 * Builds pages as strings. Every value goes through {@link #esc}; only the literal markup written in
 * this package is not escaped, so a school name holding {@code <script>} shows as text.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    static String esc(Object value) {
        return HtmlText.escape(value);
    }

    /** Literal markup from this package; never pass input text here. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text from anywhere, escaped. */
    Html text(Object value) {
        out.append(esc(value));
        return this;
    }

    Html el(String tag, Object value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
    }

    static String page(String title, String user, String csrf, String body) {
        StringBuilder s = new StringBuilder(body.length() + 2048);
        s.append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" - advies</title>")
                .append("<link rel=\"stylesheet\" href=\"/style.css\"></head><body>");
        s.append("<header><a class=\"home\" href=\"/\">Programmatie Duaal Leren: beoordeling</a>");
        if (user != null) {
            s.append("<span class=\"who\">Aangemeld als <b id=\"reviewer\">").append(esc(user)).append("</b> ")
                    .append("<form method=\"post\" action=\"/afmelden\" class=\"inline\">").append(csrfField(csrf))
                    .append("<button type=\"submit\">Afmelden</button></form></span>");
        }
        s.append("</header><main>").append(body).append("</main></body></html>\n");
        return s.toString();
    }

    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">";
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa;font-size:14px}
            header{background:#00405c;color:#fff;padding:.6em 1em;display:flex;justify-content:space-between;align-items:center}
            header a.home{color:#fff;font-weight:bold;text-decoration:none}
            header .who button{margin-left:.5em}
            main{padding:1em}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
            th a{color:inherit}
            tr:nth-child(even) td{background:#f4f7f9}
            form.inline{display:inline}
            a.button{display:inline-block;padding:.2em .7em;border:1px solid #767676;border-radius:3px;background:#efefef;color:#1b1b1b;text-decoration:none}
            .filters{display:flex;flex-wrap:wrap;gap:.6em;align-items:end;margin-bottom:.8em}
            .filters label{display:flex;flex-direction:column;font-size:.85em}
            .counts span{display:inline-block;margin-right:1em;padding:.2em .6em;background:#e6eef2;border-radius:3px}
            .flash{background:#e3f4e1;border:1px solid #7bb872;padding:.5em 1em;margin-bottom:1em}
            .error{background:#fbe5e5;border:1px solid #d27a7a;padding:.5em 1em;margin-bottom:1em}
            .warn{background:#fff4d6;border:1px solid #d9b44a;padding:.5em 1em;margin-bottom:1em}
            .st-open{color:#555}.st-bevestigd{color:#23762f}.st-gewijzigd{color:#8a4b00}.st-tweede-blik{color:#b00020;font-weight:bold}
            .v-POSITIVE{color:#23762f}.v-NEGATIVE{color:#b00020}.v-NO_ADVICE{color:#555}.v-POSITIVE_WITH_REMARKS{color:#8a4b00}
            .cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
            section{background:#fff;border:1px solid #ddd;padding:.6em 1em;margin-bottom:1em}
            textarea{width:100%;min-height:4em}
            pre{white-space:pre-wrap}
            .bar{display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin-bottom:.8em}
            """;
}
