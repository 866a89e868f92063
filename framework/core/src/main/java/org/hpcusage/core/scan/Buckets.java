package org.hpcusage.core.scan;

import java.util.List;

/**
 * The histogram buckets of the reference (fs-scans §5): access age in whole days since the scan
 * date, and allocated size. Edges and label texts are kept exactly, including the access bucket
 * labelled "5-6 Years" that covers 1460–2189 days (there is no "4-5 Years", §14 D9).
 */
public final class Buckets {
    private Buckets() {
    }

    public static final int COUNT = 10;

    /** Exclusive upper bounds of access buckets 0..8 in days; bucket 9 is open-ended. */
    private static final long[] AGE_UPPER_DAYS = {30, 90, 180, 365, 730, 1095, 1460, 2190, 2555};

    /** Exclusive upper bounds of size buckets 0..8 in bytes; bucket 9 is open-ended. */
    private static final long[] SIZE_UPPER = {1024L, 10_240L, 102_400L, 1_048_576L, 10_485_760L, 104_857_600L,
            1_073_741_824L, 10_737_418_240L, 107_374_182_400L};

    public static final List<String> ACCESS_LABELS = List.of("< 1 Month", "1-3 Months", "3-6 Months", "6-12 Months",
            "1-2 Years", "2-3 Years", "3-4 Years", "5-6 Years", "6-7 Years", "7+ Years");

    public static final List<String> SIZE_LABELS = List.of("0 - 1 KiB", "1 KiB - 10 KiB", "10 KiB - 100 KiB",
            "100 KiB - 1 MiB", "1 MiB - 10 MiB", "10 MiB - 100 MiB", "100 MiB - 1 GiB", "1 GiB - 10 GiB",
            "10 GiB - 100 GiB", "100 GiB+");

    private static final long DAY = 86_400L;

    /**
     * Access bucket of a file: {@code ageDays = floor((scanDate - atime) / 1 day)}, the first
     * bucket whose upper bound exceeds it (a future atime is bucket 0); no atime or no scan date
     * gives 9. Both times are naive local seconds.
     */
    public static int access(long atime, long scanDate, boolean noTime) {
        if (noTime) {
            return 9;
        }
        long ageDays = Math.floorDiv(scanDate - atime, DAY);
        for (int i = 0; i < AGE_UPPER_DAYS.length; i++) {
            if (ageDays < AGE_UPPER_DAYS[i]) {
                return i;
            }
        }
        return 9;
    }

    /** Size bucket of {@code allocated} bytes: {@code lower <= size < upper}. */
    public static int size(long allocated) {
        for (int i = 0; i < SIZE_UPPER.length; i++) {
            if (allocated < SIZE_UPPER[i]) {
                return i;
            }
        }
        return 9;
    }

    /** Exclusive upper bound of size bucket {@code i} in bytes (i < 9). */
    static long sizeUpper(int i) {
        return SIZE_UPPER[i];
    }

    /** Upper age bound of access bucket {@code i} in days, or -1 for the last. */
    static long ageUpperDays(int i) {
        return i < AGE_UPPER_DAYS.length ? AGE_UPPER_DAYS[i] : -1;
    }
}
