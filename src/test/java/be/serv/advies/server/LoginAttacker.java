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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone without an account who sends logins as fast as they like: one login form fetched once
 * (its token and cookie replayed on every attempt), any name, any password, and — behind a proxy —
 * any address in {@code X-Forwarded-For}.
 */
final class LoginAttacker {
    private final String base;
    private final HttpClient http;
    private final String token;
    private final String cookie;

    LoginAttacker(String base) throws Exception {
        this.base = base;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/aanmelden")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(form.body());
        if (!m.find()) throw new IllegalStateException("no login form: " + form.body());
        this.token = m.group(1);
        this.cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(LoginTokens.COOKIE + "="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
    }

    /** The status of one login attempt; {@code address} is sent as X-Forwarded-For unless null. */
    CompletableFuture<HttpResponse<String>> login(String name, String password, String address) {
        String body = "csrf=" + enc(token) + "&naam=" + enc(name) + "&wachtwoord=" + enc(password);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/aanmelden")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (address != null) b.header("X-Forwarded-For", address);
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One wave: {@code size} logins at once, each with a name and an address never used before
     * (numbered from {@code first}); waits for all answers and counts them by status (-1: no answer).
     */
    Map<Integer, Integer> wave(int first, int size) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int n = first; n < first + size; n++) {
            sent.add(login("gast" + n, "raden" + n, "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255)));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> f : sent) {
            int status;
            try {
                status = f.get().statusCode();
            } catch (Exception e) {
                status = -1;
            }
            statuses.merge(status, 1, Integer::sum);
        }
        return statuses;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
