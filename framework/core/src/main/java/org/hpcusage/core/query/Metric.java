package org.hpcusage.core.query;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/** What owners and usage-by rows are ranked by (reference §8.3, §8.5); always descending. */
public enum Metric {
    HOURS("hours"),
    CPU_HOURS("cpu_hours"),
    GPU_HOURS("gpu_hours"),
    JOB_COUNT("job_count"),
    CHARGES("charges"),
    CPU_CHARGES("cpu_charges"),
    GPU_CHARGES("gpu_charges");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public double of(Usage u) {
        return switch (this) {
            case HOURS -> u.cpuHours() + u.gpuHours();
            case CPU_HOURS -> u.cpuHours();
            case GPU_HOURS -> u.gpuHours();
            case JOB_COUNT -> u.jobCount();
            case CHARGES -> u.cpuCharges() + u.gpuCharges();
            case CPU_CHARGES -> u.cpuCharges();
            case GPU_CHARGES -> u.gpuCharges();
        };
    }

    /** Metric descending, then name ascending, NULL names last. */
    <T> Comparator<T> ranking(java.util.function.Function<T, Usage> usage, java.util.function.Function<T, String> name) {
        Comparator<T> byMetric = Comparator.comparingDouble(t -> -of(usage.apply(t)));
        return Comparator.<T, Boolean>comparing(t -> name.apply(t) == null)
                .thenComparing(byMetric)
                .thenComparing(name, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    public static Metric parse(String name) {
        String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Metric m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown sort metric: " + name + " (choose from "
                + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")) + ")");
    }
}
