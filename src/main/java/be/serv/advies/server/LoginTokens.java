package be.serv.advies.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * The login form's CSRF protection without keeping anything per visitor: the form carries
 * {@code issued.nonce.mac} (an HMAC under a key made at start-up) and a cookie carries the nonce; a
 * login is looked at only when both match and the form is younger than {@link #VALID}.
 */
final class LoginTokens {
    static final String COOKIE = "advies_login";
    static final Duration VALID = Duration.ofHours(2);

    private final byte[] key = new byte[32];
    private final Clock clock;

    LoginTokens(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        new SecureRandom().nextBytes(key);
    }

    record Issued(String nonce, String token) {
    }

    Issued issue() {
        String nonce = Sessions.token();
        String body = clock.instant().getEpochSecond() + "." + nonce;
        return new Issued(nonce, body + "." + mac(body));
    }

    boolean valid(String token, String cookieNonce) {
        if (token == null || cookieNonce == null || token.length() > 200) return false;
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) return false;
        String body = token.substring(0, last);
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII), token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        if (!MessageDigest.isEqual(token.substring(first + 1, last).getBytes(StandardCharsets.US_ASCII), cookieNonce.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, first));
        } catch (NumberFormatException e) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - issued;
        return age >= -60 && age <= VALID.toSeconds();
    }

    private String mac(String body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(m.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
