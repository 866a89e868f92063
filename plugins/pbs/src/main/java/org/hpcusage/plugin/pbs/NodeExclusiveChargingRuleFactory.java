package org.hpcusage.plugin.pbs;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;
import org.hpcusage.spi.charging.ChargingRule;
import org.hpcusage.spi.charging.ChargingRuleFactory;
import org.pf4j.Extension;

/**
 * {@code node-exclusive}: Derecho's rule (reference §5.1). Production jobs own whole nodes, so
 * they pay for every core (and, in GPU queues, every GPU) of every node; development queues are
 * shared and charge what was requested.
 *
 * <p>With {@code q} the queue lower-cased and {@code E} the elapsed seconds: if {@code q} contains
 * {@code dev-queue-marker} ("dev"), CPU hours = E × numcpus / 3600 and GPU hours = E × numgpus /
 * 3600; otherwise CPU hours = E × numnodes × {@code cores-per-node} (128) / 3600 and GPU hours =
 * E × numnodes × {@code gpus-per-node} (4) / 3600; then GPU hours are 0 unless {@code q} contains
 * {@code gpu-queue-marker} ("gpu"). Memory hours and QoS as in {@link UsageHours} and
 * {@link QosPolicy}, whose parameters this rule also takes.
 */
@Extension
public final class NodeExclusiveChargingRuleFactory implements ChargingRuleFactory {
    static final String NAME = "node-exclusive";
    static final String CORES_PER_NODE = "cores-per-node";
    static final String GPUS_PER_NODE = "gpus-per-node";
    static final String DEV_QUEUE_MARKER = "dev-queue-marker";
    static final String GPU_QUEUE_MARKER = "gpu-queue-marker";
    private static final Set<String> KEYS = keys();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChargingRule create(Settings settings) {
        RuleParameters p = new RuleParameters(NAME, settings, KEYS);
        return new Rule(p.wholeNumber(CORES_PER_NODE, 128, 1), p.wholeNumber(GPUS_PER_NODE, 4, 0),
                p.marker(DEV_QUEUE_MARKER, "dev"), p.marker(GPU_QUEUE_MARKER, "gpu"),
                QosPolicy.from(NAME, p.settings()));
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(QosPolicy.KEYS);
        keys.addAll(Set.of(CORES_PER_NODE, GPUS_PER_NODE, DEV_QUEUE_MARKER, GPU_QUEUE_MARKER));
        return Set.copyOf(keys);
    }

    private record Rule(int coresPerNode, int gpusPerNode, String devMarker, String gpuMarker, QosPolicy qos)
            implements ChargingRule {

        @Override
        public Charge charge(JobRecord job) {
            long elapsed = UsageHours.orZero(job.elapsed());
            String q = job.queue() == null ? "" : job.queue().toLowerCase(Locale.ROOT);
            double cpu;
            double gpu;
            if (q.contains(devMarker)) {
                cpu = UsageHours.hours(elapsed, UsageHours.orZero(job.numcpus()));
                gpu = UsageHours.hours(elapsed, UsageHours.orZero(job.numgpus()));
            } else {
                long nodes = UsageHours.orZero(job.numnodes());
                cpu = UsageHours.hours(elapsed, nodes * coresPerNode);
                gpu = UsageHours.hours(elapsed, nodes * gpusPerNode);
            }
            if (!q.contains(gpuMarker)) {
                gpu = 0;
            }
            return UsageHours.charge(qos, job, elapsed, cpu, gpu);
        }
    }
}
