package org.hpcusage.core.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The histogram dimensions and their bucket tables (reference §8.3). Every table is checked when
 * the class loads: non-empty, first band starting at 0 (open below for the signed axis), last
 * band open above, unique labels, no open band before the last, contiguous.
 */
public enum HistogramAxis {
    WAIT("wait", JobFilter.Range.WAIT, "eligible_secs", "seconds", false, waitBands()),
    NODES("nodes", JobFilter.Range.NODES, "numnodes", "count", true, countBands(2048)),
    CPUS("cpus", JobFilter.Range.CPUS, "numcpus", "count", true, cpuBands()),
    GPUS("gpus", JobFilter.Range.GPUS, "numgpus", "count", true, countBands(256)),
    MEMORY("memory", JobFilter.Range.REQMEM, "reqmem", "bytes", false, memoryBands()),
    DURATION("duration", JobFilter.Range.ELAPSED, "elapsed", "seconds", false, durationBands()),
    MEMORY_USED("memory_used", JobFilter.Range.MEMORY_USED, "memory", "bytes", false, memoryBands()),
    MEMORY_WASTED("memory_wasted", JobFilter.Range.MEMORY_WASTED, "memory_wasted", "bytes", false, wastedBands());

    private static final long G = 1024L * 1024 * 1024;

    private final String key;
    private final JobFilter.Range range;
    private final String column;
    private final String unit;
    private final boolean cappable;
    private final List<Band> bands;

    HistogramAxis(String key, JobFilter.Range range, String column, String unit, boolean cappable, List<Band> bands) {
        this.key = key;
        this.range = range;
        this.column = column;
        this.unit = unit;
        this.cappable = cappable;
        this.bands = List.copyOf(bands);
        validate(key, this.bands, range == JobFilter.Range.MEMORY_WASTED);
    }

    public String key() { return key; }
    /** The filter range whose bounds replay a band. */
    public JobFilter.Range range() { return range; }
    /** The reference's {@code column} field. */
    public String column() { return column; }
    public String unit() { return unit; }

    /** Whether a machine's cap may right-size this axis (nodes, cpus, gpus). */
    public boolean cappable() { return cappable; }

    /** The shared table, uncapped. */
    public List<Band> bands() { return bands; }

    /**
     * The table right-sized to {@code cap}: keep every band whose {@code lo <= cap}, then reopen
     * the last kept band as {@code >(lo-1)}. {@code null}, or a cap beyond the table, changes
     * nothing; a cap leaving fewer than two bands is an error.
     */
    public List<Band> bands(Integer cap) {
        if (cap == null || !cappable) {
            return bands;
        }
        List<Band> kept = new ArrayList<>();
        for (Band b : bands) {
            if (b.lo() <= cap) {
                kept.add(b);
            }
        }
        if (kept.size() == bands.size()) {
            return bands;
        }
        if (kept.size() < 2) {
            throw new IllegalArgumentException("histogram cap " + cap + " leaves fewer than two " + key + " bands");
        }
        Band last = kept.remove(kept.size() - 1);
        kept.add(new Band(">" + (last.lo() - 1), last.lo(), null));
        validate(key, kept, false);
        return List.copyOf(kept);
    }

    public static HistogramAxis parse(String name) {
        String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (HistogramAxis a : values()) {
            if (a.key.equals(k)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown dimension: " + name + " (choose from "
                + Arrays.stream(values()).map(HistogramAxis::key).collect(Collectors.joining(", ")) + ")");
    }

    static void validate(String key, List<Band> bands, boolean signed) {
        if (bands.isEmpty()) {
            throw new IllegalStateException(key + ": empty bucket table");
        }
        Band first = bands.get(0);
        if (signed ? first.lo() != null : !Long.valueOf(0).equals(first.lo())) {
            throw new IllegalStateException(key + ": first band must start at " + (signed ? "None" : "0"));
        }
        if (bands.get(bands.size() - 1).hi() != null) {
            throw new IllegalStateException(key + ": last band must be open above");
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            if (!labels.add(b.label())) {
                throw new IllegalStateException(key + ": duplicate label " + b.label());
            }
            if (i < bands.size() - 1) {
                if (b.hi() == null) {
                    throw new IllegalStateException(key + ": open band " + b.label() + " before the last");
                }
                if (bands.get(i + 1).lo() == null || bands.get(i + 1).lo() != b.hi() + 1) {
                    throw new IllegalStateException(key + ": gap or overlap after " + b.label());
                }
            }
        }
    }

    private static List<Band> waitBands() {
        return List.of(new Band("<1m", 0L, 59L), new Band("1-5m", 60L, 299L), new Band("5-15m", 300L, 899L),
                new Band("15-30m", 900L, 1799L), new Band("30-60m", 1800L, 3599L), new Band("1-2h", 3600L, 7199L),
                new Band("2-4h", 7200L, 14399L), new Band("4-8h", 14400L, 28799L), new Band("8-12h", 28800L, 43199L),
                new Band("12-24h", 43200L, 86399L), new Band("1-2d", 86400L, 172799L), new Band(">2d", 172800L, null));
    }

    /** 0, 1, 2, 3-4, 5-8, ... powers of two up to {@code top}, then {@code >top}. */
    private static List<Band> countBands(long top) {
        List<Band> out = new ArrayList<>(List.of(new Band("0", 0L, 0L), new Band("1", 1L, 1L), new Band("2", 2L, 2L)));
        for (long hi = 4; hi <= top; hi *= 2) {
            long lo = hi / 2 + 1;
            out.add(new Band(lo + "-" + hi, lo, hi));
        }
        out.add(new Band(">" + top, top + 1, null));
        return out;
    }

    /** Like the count table up to 128, then 129-512, 513-2048, 2049-8192, 8193-32768, >32768. */
    private static List<Band> cpuBands() {
        List<Band> out = new ArrayList<>(countBands(128));
        out.remove(out.size() - 1);
        for (long hi = 512; hi <= 32768; hi *= 4) {
            long lo = hi / 4 + 1;
            out.add(new Band(lo + "-" + hi, lo, hi));
        }
        out.add(new Band(">32768", 32769L, null));
        return out;
    }

    private static List<Band> durationBands() {
        return List.of(new Band("<30s", 0L, 29L), new Band("30s-30m", 30L, 1799L), new Band("30-60m", 1800L, 3599L),
                new Band("1-5h", 3600L, 17999L), new Band("5-12h", 18000L, 43199L), new Band("12-18h", 43200L, 64799L),
                new Band(">18h", 64800L, null));
    }

    private static List<Band> memoryBands() {
        return List.of(new Band("<1GB", 0L, G - 1), new Band("1-10GB", G, 10 * G),
                new Band("10-50GB", 10 * G + 1, 50 * G), new Band("50-100GB", 50 * G + 1, 100 * G),
                new Band("100-500GB", 100 * G + 1, 500 * G), new Band("500-1000GB", 500 * G + 1, 1000 * G),
                new Band(">1000GB", 1000 * G + 1, null));
    }

    private static List<Band> wastedBands() {
        List<Band> out = new ArrayList<>();
        out.add(new Band("over request", null, -1L));
        out.addAll(memoryBands());
        return out;
    }
}
