package org.hpcusage.plugin.pbs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.site.MachineDefinition;
import org.hpcusage.spi.site.MachineCatalog;
import org.pf4j.Extension;

/**
 * NCAR's two machines as the reference tool knows them, so {@code derecho} and {@code casper}
 * work with no site file. Every number is written out here rather than left to the rules'
 * defaults, so that what a machine is charged with can be read in one place.
 */
@Extension
public final class NcarMachineCatalog implements MachineCatalog {

    private static final String TIME_ZONE = "America/Denver";

    /** The core's key for per-machine histogram caps (nodes, cpus, gpus). */
    static final String HISTOGRAM_CAPS = "histogram-caps";

    @Override
    public String name() {
        return "ncar";
    }

    @Override
    public List<MachineDefinition> machines() {
        return List.of(derecho(), casper());
    }

    private static MachineDefinition derecho() {
        Map<String, Object> parser = new LinkedHashMap<>();
        parser.put(PbsParserSettings.DEFAULT_CPUTYPE, "milan");
        parser.put(PbsParserSettings.QUEUE_GPUTYPE, queueGpuTypes());

        Map<String, Object> charging = new LinkedHashMap<>();
        charging.put(NodeExclusiveChargingRuleFactory.CORES_PER_NODE, 128);
        charging.put(NodeExclusiveChargingRuleFactory.GPUS_PER_NODE, 4);
        charging.put(NodeExclusiveChargingRuleFactory.DEV_QUEUE_MARKER, "dev");
        charging.put(NodeExclusiveChargingRuleFactory.GPU_QUEUE_MARKER, "gpu");
        charging.putAll(qos());
        return new MachineDefinition("derecho", "pbs", TIME_ZONE, "/ncar/pbs/accounting",
                Settings.of(parser), NodeExclusiveChargingRuleFactory.NAME, Settings.of(charging),
                reports(List.of("cpu", "cpudev"), List.of("gpu", "gpudev", "pgpu")));
    }

    /** Casper's hardware is mixed, so no CPU type is guessed (no {@code default-cputype}). */
    private static MachineDefinition casper() {
        Map<String, Object> parser = new LinkedHashMap<>();
        parser.put(PbsParserSettings.QUEUE_GPUTYPE, queueGpuTypes());
        // The reference right-sizes casper's histogram axes (its MACHINE_HIST_CAPS); the core's
        // histograms read the caps from the machine's parser block.
        parser.put(HISTOGRAM_CAPS, Map.of("nodes", 128, "cpus", 1024, "gpus", 32));
        return new MachineDefinition("casper", "pbs", TIME_ZONE, "/ssg/pbs/casper/accounting",
                Settings.of(parser), RequestedResourcesChargingRuleFactory.NAME, Settings.of(qos()),
                reports(List.of("htc", "gdex", "largemem", "vis", "rda"),
                        List.of("nvgpu", "gpgpu", "a100", "h100", "l40", "amdgpu")));
    }

    /**
     * What the resource reports need (reference §7.4, §5.4): the fixed queue lists that make a
     * job a CPU or a GPU job, and NCAR's facility of an account, by name prefix, first match.
     */
    private static Settings reports(List<String> cpuQueues, List<String> gpuQueues) {
        Map<String, Object> facilities = new LinkedHashMap<>();
        facilities.put("U", "UNIV");
        facilities.put("P35", "UNIV");
        facilities.put("W", "WNA");
        facilities.put("C", "CSL");
        facilities.put("P933", "CSL");
        facilities.put("S", "CISL");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu-queues", cpuQueues);
        m.put("gpu-queues", gpuQueues);
        m.put("facilities", Collections.unmodifiableMap(facilities));
        m.put("default-facility", "NCAR");
        return Settings.of(m);
    }

    private static Map<String, Object> queueGpuTypes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a100", "a100");
        m.put("h100", "h100");
        m.put("l40", "l40");
        // Casper's nvgpu nodes carry V100s.
        m.put("nvgpu", "v100");
        return Collections.unmodifiableMap(m);
    }

    /** The reference's QoS seeds (§5.2). */
    private static Map<String, Object> qos() {
        Map<String, Object> factors = new LinkedHashMap<>();
        factors.put("premium", 1.5);
        factors.put("regular", 1.0);
        factors.put("economy", 0.7);
        factors.put("uncharged", 0.0);
        factors.put("special", 1.0);
        Map<String, Object> priorities = new LinkedHashMap<>();
        for (String p : List.of("premium", "regular", "economy", "special")) {
            priorities.put(p, p);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(QosPolicy.QOS_FACTORS, Collections.unmodifiableMap(factors));
        m.put(QosPolicy.QUEUE_QOS, Map.of("jhublogin", "uncharged"));
        m.put(QosPolicy.PRIORITY_QOS, Collections.unmodifiableMap(priorities));
        m.put(QosPolicy.DEFAULT_QOS, "regular");
        return m;
    }
}
