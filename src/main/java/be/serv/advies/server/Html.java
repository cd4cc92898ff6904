package be.serv.advies.server;

/** The review server's style sheet, served as {@code /style.css}; the pages are the templates in {@code src/main/jte/server}. */
final class Html {
    private Html() {
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
