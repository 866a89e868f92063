package org.hpcusage.core.scoreboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hpcusage.core.report.output.PythonFloats;

/**
 * The reference's per-(cluster, month) Bloom filter of seen job ids, bit for bit
 * (slurm-scoreboard.md §3.2–§3.4), so a file either side wrote opens on the other:
 * SHA-1 of the UTF-8 id, h1/h2 = the big-endian unsigned 64-bit halves of bytes 0–7 and 8–15
 * (h2 = 0x9e3779b97f4a7c15 when zero), index i = (h1 + i·h2) mod m in exact arithmetic (Java's
 * 64-bit wrap-around would give other bits, D6), least significant bit first; the file is one
 * JSON header line {@code {"k": K, "m": M, "n": N, "p": P}} and then ceil(m/8) bytes.
 */
public final class BloomFilter {
    private static final long H2_IF_ZERO = 0x9e3779b97f4a7c15L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long m;
    private final int k;
    private final double p;
    private long n;
    private final byte[] bits;

    BloomFilter(long m, int k, long n, double p, byte[] bits) {
        if (m < 1 || k < 1 || m > Integer.MAX_VALUE * 8L || m * k < 0) {
            throw new IllegalArgumentException("bad Bloom filter size m=" + m + " k=" + k);
        }
        this.m = m;
        this.k = k;
        this.n = n;
        this.p = p;
        this.bits = bits == null ? new byte[(int) ((m + 7) / 8)] : bits;
    }

    /** An empty filter sized for {@code expected} ids at false-positive rate {@code p} (§3.2). */
    public static BloomFilter create(long expected, double p) {
        long nExp = Math.max(1, expected);
        double ln2 = Math.log(2);
        long m = (long) Math.ceil(-nExp * Math.log(p) / (ln2 * ln2));
        int k = (int) Math.max(1, Math.rint((double) m / nExp * ln2));
        return new BloomFilter(m, k, 0, p, null);
    }

    public long m() { return m; }
    public int k() { return k; }
    public long n() { return n; }
    public double p() { return p; }

    /** The k bit indexes of an id. */
    public long[] indexes(String id) {
        byte[] d = sha1(id.getBytes(StandardCharsets.UTF_8));
        long h1 = bigEndian(d, 0);
        long h2 = bigEndian(d, 8);
        if (h2 == 0) {
            h2 = H2_IF_ZERO;
        }
        long a = Long.remainderUnsigned(h1, m);
        long b = Long.remainderUnsigned(h2, m);
        long[] out = new long[k];
        for (int i = 0; i < k; i++) {
            out[i] = (a + i * b) % m; // a, b < m and i < k: no overflow while m·k < 2^63
        }
        return out;
    }

    /** Adds an id; {@code n} grows only when at least one of its bits was still clear. */
    public boolean add(String id) {
        boolean changed = false;
        for (long idx : indexes(id)) {
            int byteIndex = (int) (idx >> 3);
            int mask = 1 << (idx & 7);
            if ((bits[byteIndex] & mask) == 0) {
                bits[byteIndex] |= (byte) mask;
                changed = true;
            }
        }
        if (changed) {
            n++;
        }
        return changed;
    }

    public boolean contains(String id) {
        for (long idx : indexes(id)) {
            if ((bits[(int) (idx >> 3)] & (1 << (idx & 7))) == 0) {
                return false;
            }
        }
        return true;
    }

    public long filledBits() {
        long c = 0;
        for (byte b : bits) {
            c += Integer.bitCount(b & 0xff);
        }
        return c;
    }

    /** The estimated false-positive rate {@code (1 − e^(−k·n/m))^k}. */
    public double estimatedFalsePositiveRate() {
        return Math.pow(1 - Math.exp(-k * (double) n / m), k);
    }

    /** The header line as Python's {@code json.dumps(sort_keys=True)} writes it, without the newline. */
    public String header() {
        return "{\"k\": " + k + ", \"m\": " + m + ", \"n\": " + n + ", \"p\": " + PythonFloats.repr(p) + "}";
    }

    public byte[] toBytes() {
        byte[] head = (header() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + bits.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bits, 0, out, head.length, bits.length);
        return out;
    }

    /** Writes the file atomically (temporary file, then rename), readable by all (the reference: 0600, D9). */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, toBytes());
    }

    /** Reads a file the reference (or {@link #save}) wrote; a wrong size or header fails. */
    public static BloomFilter load(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int nl = 0;
        while (nl < all.length && all[nl] != '\n') {
            nl++;
        }
        if (nl == all.length) {
            throw new IOException(file + ": no Bloom header line");
        }
        JsonNode h = JSON.readTree(new String(all, 0, nl, StandardCharsets.UTF_8));
        if (!h.path("m").canConvertToLong() || !h.path("k").canConvertToInt()) {
            throw new IOException(file + ": Bloom header lacks m or k");
        }
        long m = h.path("m").asLong();
        int k = h.path("k").asInt();
        long size = (m + 7) / 8;
        if (all.length - nl - 1 != size) {
            throw new IOException(file + ": " + (all.length - nl - 1) + " bitset bytes, expected " + size);
        }
        byte[] bits = new byte[(int) size];
        System.arraycopy(all, nl + 1, bits, 0, bits.length);
        return new BloomFilter(m, k, h.path("n").asLong(0), h.path("p").asDouble(1e-4), bits);
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long bigEndian(byte[] d, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }
}
