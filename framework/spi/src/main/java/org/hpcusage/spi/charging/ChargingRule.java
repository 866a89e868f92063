package org.hpcusage.spi.charging;

import org.hpcusage.spi.accounting.JobRecord;

/**
 * Computes what a job costs. Pure and deterministic: no I/O, safe to call from any thread.
 *
 * @since 0.1
 */
public interface ChargingRule {

    /** The job's QoS, its factor and its raw (unweighted) hours. @since 0.1 */
    Charge charge(JobRecord job);
}
