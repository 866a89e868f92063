package org.hpcusage.plugin.pbs;

import java.util.HashMap;
import java.util.Map;
import org.hpcusage.spi.Settings;

/**
 * The parser's site parameters and the CPU/GPU type inference they drive (reference §3.4).
 *
 * @param defaultCpuType CPU type given to jobs whose select names no type and whose queue maps to
 *                       no GPU type; null for machines with mixed hardware (casper)
 * @param queueGpuType   exact queue name to GPU type ({@code nvgpu} to {@code v100}, ...)
 */
public record PbsParserSettings(String defaultCpuType, Map<String, String> queueGpuType) {

    /** Settings key of the default CPU type. */
    public static final String DEFAULT_CPUTYPE = "default-cputype";
    /** Settings key of the queue-to-GPU-type map. */
    public static final String QUEUE_GPUTYPE = "queue-gputype";

    public PbsParserSettings {
        defaultCpuType = defaultCpuType == null || defaultCpuType.isEmpty() ? null : defaultCpuType;
        // A HashMap, not Map.copyOf: get(null) must answer null, not throw.
        queueGpuType = new HashMap<>(queueGpuType == null ? Map.of() : queueGpuType);
    }

    /** Reads {@code default-cputype} and {@code queue-gputype}; other keys are left to others. */
    public static PbsParserSettings from(Settings settings) {
        Settings s = settings == null ? Settings.empty() : settings;
        return new PbsParserSettings(s.string(DEFAULT_CPUTYPE, null), s.stringMap(QUEUE_GPUTYPE));
    }

    /**
     * The GPU type a queue implies (exact, case-sensitive name match, as in the reference), or
     * null. Used only when the select string named neither a CPU nor a GPU type; when it is null
     * the job gets {@link #defaultCpuType()} instead.
     */
    public String gpuTypeOfQueue(String queue) {
        return queueGpuType.get(queue);
    }
}
