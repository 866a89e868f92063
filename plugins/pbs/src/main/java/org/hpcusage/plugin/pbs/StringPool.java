package org.hpcusage.plugin.pbs;

import java.util.Arrays;

/**
 * Hands out one shared {@code String} per distinct char range for the values that repeat on
 * almost every line (user, account, queue, priority, exit status, select string). A day file has
 * a few hundred distinct values for tens of thousands of records, so this saves most of the
 * parser's garbage and the core's heap when it batches records. Bounded: once full it simply
 * creates new strings. Not thread-safe; one per parse.
 */
final class StringPool {
    private static final int CAPACITY = 1 << 13;
    private static final int MAX_PROBES = 8;
    /** Long values (job names with timestamps) rarely repeat; pooling them would only fill the table. */
    private static final int MAX_POOLED_LENGTH = 96;

    private final String[] table = new String[CAPACITY];
    /** The same values as chars, so a lookup compares arrays (a vectorised intrinsic) instead of charAt calls. */
    private final char[][] chars = new char[CAPACITY][];
    private final int[] hashes = new int[CAPACITY];
    private int size;

    String get(char[] b, int from, int to) {
        int len = to - from;
        if (len == 0) {
            return "";
        }
        if (len > MAX_POOLED_LENGTH) {
            return new String(b, from, len);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int mixed = h ^ (h >>> 15);
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int slot = (mixed + probe) & (CAPACITY - 1);
            String s = table[slot];
            if (s == null) {
                String created = new String(b, from, len);
                if (size < CAPACITY * 3 / 4) {
                    table[slot] = created;
                    chars[slot] = Arrays.copyOfRange(b, from, to);
                    hashes[slot] = h;
                    size++;
                }
                return created;
            }
            char[] c = chars[slot];
            if (hashes[slot] == h && c.length == len && Arrays.equals(c, 0, len, b, from, to)) {
                return s;
            }
        }
        return new String(b, from, len);
    }
}
