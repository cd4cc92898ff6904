package be.serv.advies.rules;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit checksum (CRC-32 and CRC-32C side by side) over named byte strings, for the cache's keys
 * and the integrity of its entries. It tells apart contents that differ by accident (an edited file,
 * another build, a truncated entry), which is all a cache key must do: an entry is only ever a
 * shortcut to what the folder would give anyway, and whoever can write the cache folder can write
 * any entry under any key, whatever the checksum. The fingerprints users see (of the rules and the
 * batch, in the annex and the reports) stay SHA-256.
 *
 * <p>Why not SHA-256 here: a start-up hashes about half a megabyte for the cache (the rules folder,
 * the build's directory, the compiled rules), and on the quick compiler the commands run with, SHA-256
 * has no hardware support and runs in the interpreter for most of it, tens of milliseconds on the
 * critical path; both CRCs are intrinsics everywhere.</p>
 */
final class Fingerprint {
    private final CRC32 crc32 = new CRC32();
    private final CRC32C crc32c = new CRC32C();

    /** Adds a name, the length of its bytes and the bytes, so that ("ab", "c") and ("a", "bc") differ. */
    Fingerprint add(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        update(name.getBytes(StandardCharsets.UTF_8));
        update(new byte[] {0});
        update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        update(new byte[] {0});
        update(bytes);
        return this;
    }

    /** Adds a name and a string value (encoded as UTF-8). */
    Fingerprint add(String name, String value) {
        return add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    private void update(byte[] b) {
        crc32.update(b, 0, b.length);
        crc32c.update(b, 0, b.length);
    }

    /** Sixteen hexadecimal digits. */
    String hex() {
        return java.util.HexFormat.of().toHexDigits(value());
    }

    private long value() {
        return crc32.getValue() << 32 | crc32c.getValue();
    }

    /** The checksum of one byte string, as a long (for an entry's integrity). */
    static long of(byte[] bytes) {
        Fingerprint f = new Fingerprint();
        f.update(bytes);
        return f.value();
    }
}
