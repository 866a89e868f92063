package org.hpcusage.plugin.slurm;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;
import org.hpcusage.spi.charging.ChargingRule;
import org.hpcusage.spi.charging.ChargingRuleFactory;
import org.pf4j.Extension;

/**
 * {@code slurm-tres}: charges a Slurm job by its trackable resources (TRES), the default rule of
 * Slurm machines.
 *
 * <ul>
 *   <li>{@code charge-by: billing} (default): CPU hours = the job's {@code billing=} TRES ×
 *       elapsed hours, i.e. what Slurm's own TRESBillingWeights made of the allocation; a job
 *       without a billing entry pays for its allocated CPUs.</li>
 *   <li>{@code charge-by: weights}: CPU hours = Σ weight × amount over {@code tres-weights}
 *       ({@code cpu}, {@code mem} per GB of requested memory, {@code node}, {@code gres/gpu}) ×
 *       elapsed hours, for sites that bill differently from slurmdbd.</li>
 *   <li>{@code charge-by: cpus}: allocated CPUs × elapsed hours.</li>
 * </ul>
 * GPU hours are allocated GPUs × elapsed hours; memory hours are requested (allocated) memory in
 * GB (1024^3 bytes) × elapsed hours. QoS is the job's QOS field ({@code default-qos}, "normal",
 * when absent) with its factor from {@code qos-factors} (1.0 when not listed).
 */
@Extension
public final class SlurmTresChargingRuleFactory implements ChargingRuleFactory {
    static final String NAME = "slurm-tres";
    static final String CHARGE_BY = "charge-by";
    static final String TRES_WEIGHTS = "tres-weights";
    static final String QOS_FACTORS = "qos-factors";
    static final String DEFAULT_QOS = "default-qos";
    private static final Set<String> KEYS = Set.of(CHARGE_BY, TRES_WEIGHTS, QOS_FACTORS, DEFAULT_QOS);
    private static final Set<String> WEIGHTED = Set.of("cpu", "mem", "node", "gres/gpu");
    private static final double GB = 1024.0 * 1024 * 1024;

    enum ChargeBy { BILLING, WEIGHTS, CPUS }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChargingRule create(Settings settings) {
        Settings s = settings == null ? Settings.empty() : settings;
        for (String key : s.asMap().keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for charging rule " + NAME
                        + " (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        String by = s.string(CHARGE_BY, "billing").strip().toLowerCase(Locale.ROOT);
        ChargeBy chargeBy = switch (by) {
            case "billing" -> ChargeBy.BILLING;
            case "weights" -> ChargeBy.WEIGHTS;
            case "cpus" -> ChargeBy.CPUS;
            default -> throw new IllegalArgumentException(CHARGE_BY + " must be billing, weights or cpus, not '" + by + "'");
        };
        Map<String, Double> weights = s.decimalMap(TRES_WEIGHTS);
        for (String k : weights.keySet()) {
            if (!WEIGHTED.contains(k)) {
                throw new IllegalArgumentException(TRES_WEIGHTS + ": unknown TRES '" + k + "' (known: cpu, gres/gpu, mem, node)");
            }
        }
        if (chargeBy == ChargeBy.WEIGHTS && weights.isEmpty()) {
            throw new IllegalArgumentException(CHARGE_BY + ": weights needs " + TRES_WEIGHTS);
        }
        return new Rule(chargeBy, weights, s.decimalMap(QOS_FACTORS), s.string(DEFAULT_QOS, "normal"));
    }

    private record Rule(ChargeBy chargeBy, Map<String, Double> weights, Map<String, Double> qosFactors,
                        String defaultQos) implements ChargingRule {
        @Override
        public Charge charge(JobRecord job) {
            double hours = orZero(job.elapsed()) / 3600.0;
            long cpus = orZero(job.numcpus());
            long gpus = orZero(job.numgpus());
            double memGb = orZero(job.reqmem()) / GB;
            double units = switch (chargeBy) {
                case CPUS -> cpus;
                case BILLING -> {
                    double billing = TresList.value(job.resources(), "billing");
                    yield billing >= 0 ? billing : cpus;
                }
                case WEIGHTS -> weights.getOrDefault("cpu", 0.0) * cpus
                        + weights.getOrDefault("mem", 0.0) * memGb
                        + weights.getOrDefault("node", 0.0) * orZero(job.numnodes())
                        + weights.getOrDefault("gres/gpu", 0.0) * gpus;
            };
            String qos = job.priority() == null || job.priority().isBlank() ? defaultQos : job.priority();
            return new Charge(qos, qosFactors.getOrDefault(qos, 1.0), units * hours, gpus * hours, memGb * hours);
        }

        private static long orZero(Long v) {
            return v == null ? 0 : v;
        }

        private static long orZero(Integer v) {
            return v == null ? 0 : v;
        }
    }
}
