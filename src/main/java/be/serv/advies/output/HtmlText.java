package be.serv.advies.output;

/** Escapes text for HTML, for every page the product renders (the report, the review server). */
public final class HtmlText {
    private HtmlText() {
    }

    /** Text from input files or people, made safe as HTML text and as a quoted attribute value. */
    public static String escape(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
