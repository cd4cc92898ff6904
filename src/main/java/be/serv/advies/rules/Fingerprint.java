package be.serv.advies.rules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 over named byte strings, for the rule cache's keys and the integrity of its entries. Each
 * string is preceded by its name and length, so that ("ab", "c") and ("a", "bc") differ.
 */
final class Fingerprint {
    private final MessageDigest sha256 = sha256();

    /** Adds a name, the length of its bytes and the bytes. */
    Fingerprint add(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0);
        sha256.update(bytes);
        return this;
    }

    /** Adds a name and a string value (encoded as UTF-8). */
    Fingerprint add(String name, String value) {
        return add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /** Sixty-four hexadecimal digits. */
    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The first 64 bits of the SHA-256 of one byte string (an entry's integrity check). */
    static long of(byte[] bytes) {
        return ByteBuffer.wrap(sha256().digest(bytes)).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
