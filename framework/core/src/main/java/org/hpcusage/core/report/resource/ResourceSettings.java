package org.hpcusage.core.report.resource;

import java.util.List;
import java.util.Map;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.Settings;

/**
 * A machine's report parameters ({@code reports:} in its definition): the CPU and GPU queue
 * lists and the account-prefix-to-facility map. The core knows no site; these come from the
 * machine catalog or the site file.
 */
public record ResourceSettings(List<String> cpuQueues, List<String> gpuQueues,
                               Map<String, String> facilities, String defaultFacility) {

    public static ResourceSettings of(Machine machine) {
        Settings s = machine.definition().reports();
        try {
            return new ResourceSettings(s.stringList("cpu-queues"), s.stringList("gpu-queues"),
                    s.stringMap("facilities"), s.string("default-facility", "other"));
        } catch (IllegalArgumentException e) {
            throw new UserException("machine '" + machine.name() + "', reports: " + e.getMessage());
        }
    }

    /** The queue names of a set; a machine that defines neither list cannot run these reports. */
    public List<String> queues(QueueSet set, String machine) {
        if (cpuQueues.isEmpty() && gpuQueues.isEmpty()) {
            throw new UserException("machine '" + machine + "' defines no reports.cpu-queues or reports.gpu-queues"
                    + " in the site file, so jobs cannot be told CPU from GPU");
        }
        return switch (set) {
            case CPU -> cpuQueues;
            case GPU -> gpuQueues;
            case ALL -> concat(cpuQueues, gpuQueues);
        };
    }

    /** The facility of an account: the first prefix that matches, else the default (also for none). */
    public String facility(String account) {
        if (account != null && !account.isEmpty()) {
            for (Map.Entry<String, String> e : facilities.entrySet()) {
                if (account.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return defaultFacility;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
