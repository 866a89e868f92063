package org.hpcusage.plugin.pbs;

import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;

/**
 * The hour arithmetic every rule shares (reference §5): NULL counts as 0, 3600 s an hour,
 * 1024^3 bytes a GB, memory hours from the memory the job used.
 *
 * <p>Products are formed in exact integer arithmetic and divided once, as the reference's Python
 * does, so results match it to the last bit whenever the product fits 53 bits (every realistic
 * CPU and GPU figure); a product past 2^63 falls back to floating point.
 */
final class UsageHours {
    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double GB_SECONDS_PER_GB_HOUR = 3600.0 * 1024 * 1024 * 1024;

    private UsageHours() {
    }

    /** {@code seconds × count / 3600}. */
    static double hours(long seconds, long count) {
        return product(seconds, count) / SECONDS_PER_HOUR;
    }

    /** {@code seconds × bytes / (3600 × 1024^3)}. */
    static double memoryHours(long seconds, long bytes) {
        return product(seconds, bytes) / GB_SECONDS_PER_GB_HOUR;
    }

    private static double product(long a, long b) {
        long p = a * b;
        if (Math.multiplyHigh(a, b) != (p >> 63)) {
            return (double) a * (double) b;
        }
        return p;
    }

    static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    static long orZero(Integer v) {
        return v == null ? 0 : v;
    }

    /** A charge with the job's QoS resolved by {@code qos} and its memory hours computed here. */
    static Charge charge(QosPolicy qos, JobRecord job, long elapsed, double cpuHours, double gpuHours) {
        String name = qos.resolve(job.queue(), job.priority());
        return new Charge(name, qos.factor(name), cpuHours, gpuHours, memoryHours(elapsed, orZero(job.memory())));
    }
}
