package be.serv.advies.server;

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

/**
 * One browser-like reviewer over HTTP: its own cookies (kept here, so a {@code Secure} cookie is
 * returned over the test's plain loopback HTTP as it would be over the proxy's HTTPS), no redirects
 * followed, the CSRF token of the last page.
 */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private final String base;
    private final HttpClient http;
    private final java.util.Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
    String csrf = "";
    /** Sent as X-Forwarded-For, as a reverse proxy would, when not null. */
    String forwardedFor;

    WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
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

        /** The text of the element with this id, for a message box that holds no markup ("" when absent). */
        String text(String id) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(body);
            return m.find() ? m.group(1) : "";
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
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return remember(r);
    }

    /** Follows a 303 as a browser does: a GET of its Location. */
    Page follow(Page redirect) throws Exception {
        redirect.expect(303);
        return get(redirect.location().replace(base, ""));
    }

    Page head(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return new Page(r.statusCode(), r.body(), r);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
        if (!cookies.isEmpty()) b.header("Cookie", cookieHeader());
        return b;
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
        HttpResponse<String> r = http.send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return remember(r);
    }

    /** The Cookie header this client would send, for requests that want bytes rather than a page. */
    String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("; "));
    }

    void forgetCookies() {
        cookies.clear();
    }

    Page login(String user, String password) throws Exception {
        get("/aanmelden").expect(200);
        return post("/aanmelden", "naam", user, "wachtwoord", password);
    }

    private Page remember(HttpResponse<String> r) {
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || set.contains("Max-Age=0")) cookies.remove(name);
            else cookies.put(name, value);
        }
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return new Page(r.statusCode(), r.body(), r);
    }

    private static void add(StringBuilder b, String k, String v) {
        if (b.length() > 0) b.append('&');
        b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
}
