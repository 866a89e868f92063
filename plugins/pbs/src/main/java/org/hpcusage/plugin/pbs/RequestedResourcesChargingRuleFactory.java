package org.hpcusage.plugin.pbs;

import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;
import org.hpcusage.spi.charging.ChargingRule;
import org.hpcusage.spi.charging.ChargingRuleFactory;
import org.pf4j.Extension;

/**
 * {@code requested-resources}: Casper's rule (reference §5.1). Nodes are shared, so a job pays for
 * what it asked for: CPU hours = E × numcpus / 3600, GPU hours = E × numgpus / 3600, whatever the
 * queue. Memory hours and QoS as in {@link UsageHours} and {@link QosPolicy}, whose parameters
 * are the only ones this rule takes.
 */
@Extension
public final class RequestedResourcesChargingRuleFactory implements ChargingRuleFactory {
    static final String NAME = "requested-resources";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChargingRule create(Settings settings) {
        RuleParameters p = new RuleParameters(NAME, settings, QosPolicy.KEYS);
        return new Rule(QosPolicy.from(NAME, p.settings()));
    }

    private record Rule(QosPolicy qos) implements ChargingRule {
        @Override
        public Charge charge(JobRecord job) {
            long elapsed = UsageHours.orZero(job.elapsed());
            return UsageHours.charge(qos, job, elapsed,
                    UsageHours.hours(elapsed, UsageHours.orZero(job.numcpus())),
                    UsageHours.hours(elapsed, UsageHours.orZero(job.numgpus())));
        }
    }
}
