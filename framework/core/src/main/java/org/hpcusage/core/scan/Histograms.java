package org.hpcusage.core.scan;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per file owner: ten access-age and ten size buckets, each a file count and allocated bytes.
 * Files of one owner tend to come in runs, so the last owner's counters are cached to spare a
 * map lookup (and a boxed key) per file.
 */
final class Histograms {
    /** Per uid: [access count ×10, access bytes ×10, size count ×10, size bytes ×10]. */
    private final Map<Long, long[]> byUid = new HashMap<>();
    private long lastUid = Long.MIN_VALUE;
    private long[] last;

    void add(long uid, int accessBucket, int sizeBucket, long bytes) {
        long[] c;
        if (uid == lastUid) {
            c = last;
        } else {
            c = byUid.computeIfAbsent(uid, k -> new long[4 * Buckets.COUNT]);
            lastUid = uid;
            last = c;
        }
        c[accessBucket]++;
        c[Buckets.COUNT + accessBucket] += bytes;
        c[2 * Buckets.COUNT + sizeBucket]++;
        c[3 * Buckets.COUNT + sizeBucket] += bytes;
    }

    /** Adds another set of counters (a chunk's). */
    void addAll(Histograms other) {
        for (Map.Entry<Long, long[]> e : other.byUid.entrySet()) {
            long[] c = byUid.computeIfAbsent(e.getKey(), k -> new long[4 * Buckets.COUNT]);
            long[] o = e.getValue();
            for (int i = 0; i < c.length; i++) {
                c[i] += o[i];
            }
        }
    }

    /** Counters by uid, in uid order. */
    Map<Long, long[]> byUid() {
        return new TreeMap<>(byUid);
    }
}
