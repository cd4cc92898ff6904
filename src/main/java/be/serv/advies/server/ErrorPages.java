package be.serv.advies.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Every error page in Dutch, through the layout: the framework's (an unknown page, a wrong method, a
 * body too large) and the web server's own, which answers before any route runs (a malformed request).
 */
final class ErrorPages extends ErrorHandler {
    static String title(int status) {
        return switch (status) {
            case 400 -> "Ongeldige aanvraag";
            case 404 -> "Niet gevonden";
            case 405 -> "Niet toegestaan";
            case 413 -> "Te groot";
            case 429 -> "Te veel verzoeken";
            default -> status >= 500 ? "Fout" : "Niet gelukt";
        };
    }

    static String text(int status) {
        return switch (status) {
            case 400 -> "De server begreep deze aanvraag niet: ze was onvolledig of verkeerd gevormd. Er is niets vastgelegd.";
            case 404 -> "Deze pagina bestaat niet. Ga naar de werklijst en kies van daaruit.";
            case 405 -> "Deze pagina kan niet op deze manier opgevraagd worden. Er is niets vastgelegd.";
            case 413 -> "Wat u verstuurde is te groot (hoogstens 2 MB). Er is niets vastgelegd.";
            case 429 -> "U stuurde te veel verzoeken kort na elkaar; wacht even en probeer opnieuw.";
            default -> status >= 500 ? "Er ging iets mis op de server; er is niets vastgelegd wat niet bevestigd werd."
                    : "Dit verzoek kon niet uitgevoerd worden (code " + status + "). Er is niets vastgelegd.";
        };
    }

    static String page(int status) {
        return Pages.message(null, "", title(status), text(status));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8"));
        return BufferUtil.toBuffer(page(status), StandardCharsets.UTF_8);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write(page(response.getStatus()));
    }
}
