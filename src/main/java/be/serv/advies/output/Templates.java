package be.serv.advies.output;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the jte templates in {@code src/main/jte}, compiled to classes at build time. Every page the
 * product shows (the report, the review server) comes from there, and the engine escapes every value
 * for where it stands (HTML text or attribute): no page is assembled or escaped by hand.
 */
public final class Templates {
    /** Templates compile into the package of their folder under this one ({@code server/list.jte} → {@code be.serv.advies.server}). */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "be.serv.advies");

    private Templates() {
    }

    /** Renders a template whose single parameter is {@code model}. */
    public static String render(String template, Object model) {
        StringOutput out = new StringOutput(64 * 1024);
        ENGINE.render(template, model, out);
        return out.toString();
    }
}
