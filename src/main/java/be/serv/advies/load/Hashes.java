package be.serv.advies.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** SHA-256 over a set of named files, independent of the order they were read in. */
public final class Hashes {
    private Hashes() {
    }

    /** The SHA-256 of one file's content, as {@code sha256sum} prints it. */
    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, byte[]> files = new TreeMap<>();

        public Builder add(String name, byte[] content) {
            files.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(content, "content"));
            return this;
        }

        public String hex() {
            MessageDigest md = digest();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
