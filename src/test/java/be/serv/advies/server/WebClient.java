package be.serv.advies.server;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** One browser-like reviewer over HTTP: its own cookies, no redirects followed, the CSRF token of the last page. */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    String csrf = "";

    WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    record Page(int status, String body, HttpResponse<String> response) {
        Page expect(int code) {
            assertEquals(code, status, () -> "HTTP status; body:\n" + body);
            return this;
        }

        Page contains(String text) {
            assertTrue(body.contains(text), () -> "expected the page to contain:\n  " + text + "\n--- page:\n" + body);
            return this;
        }

        Page lacks(String text) {
            if (body.contains(text)) fail("the page should not contain '" + text + "':\n" + body);
            return this;
        }

        String location() {
            return response.headers().firstValue("Location").orElse("");
        }

        /** Every value of hidden inputs with this name, in page order. */
        List<String> hidden(String name) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            while (m.find()) out.add(m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#34;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'"));
            return out;
        }
    }

    Page get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return remember(r);
    }

    /** POSTs a form; {@code fields} are name, value pairs; the CSRF token of the last page is added unless a field names it. */
    Page post(String path, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        boolean hasCsrf = false;
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equals("csrf")) hasCsrf = true;
            add(body, fields[i], fields[i + 1]);
        }
        if (!hasCsrf) add(body, "csrf", csrf);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return remember(r);
    }

    /** The Cookie header this client would send, for requests that want bytes rather than a page. */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(h -> h.getName() + "=" + h.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    Page login(String user, String password) throws Exception {
        get("/aanmelden").expect(200);
        return post("/aanmelden", "naam", user, "wachtwoord", password);
    }

    private Page remember(HttpResponse<String> r) {
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return new Page(r.statusCode(), r.body(), r);
    }

    private static void add(StringBuilder b, String k, String v) {
        if (b.length() > 0) b.append('&');
        b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
}
