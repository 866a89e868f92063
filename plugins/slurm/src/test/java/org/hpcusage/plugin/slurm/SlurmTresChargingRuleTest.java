package org.hpcusage.plugin.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;
import org.junit.jupiter.api.Test;

/** slurm-tres on worked example 3 (16 CPUs, 2 nodes, 2 GPUs, 64 GB per node, 2 h, billing=16). */
class SlurmTresChargingRuleTest {
    private static final JobRecord EXAMPLE3 = SlurmFixtures.parse("12345|Bob@REALM.EDU|CANCELLED by 1001|7200|16|2|64Gn|2048000K|1024000K|"
            + "billing=24,cpu=16,gres/gpu:a100=2,gres/gpu=2,mem=128G,node=2|2025-08-01T10:00:00|2025-08-01T10:00:00|2025-08-01T12:00:00\n")
            .jobs().get(0);
    private static final SlurmTresChargingRuleFactory FACTORY = new SlurmTresChargingRuleFactory();

    private static Charge charge(Map<String, ?> settings) {
        return FACTORY.create(Settings.of(settings)).charge(EXAMPLE3);
    }

    @Test
    void billingIsTheDefault() {
        Charge c = charge(Map.of());
        assertEquals(48.0, c.cpuHours(), 1e-9);            // billing 24 x 2 h
        assertEquals(4.0, c.gpuHours(), 1e-9);             // 2 GPUs x 2 h
        // 128e9 bytes requested = 119.209 GiB; x 2 h = 238.4186 GB-hours
        assertEquals(128e9 / (1024.0 * 1024 * 1024) * 2, c.memoryHours(), 1e-9);
        assertEquals("normal", c.qos());
        assertEquals(1.0, c.qosFactor());
    }

    @Test
    void weightsAndCpus() {
        // (1.0 x 16 CPUs + 2.0 x 2 GPUs + 0.5 x 2 nodes) x 2 h = 21 x 2 = 42
        Charge w = charge(Map.of("charge-by", "weights", "tres-weights", Map.of("cpu", 1.0, "gres/gpu", 2.0, "node", 0.5)));
        assertEquals(42.0, w.cpuHours(), 1e-9);
        assertEquals(32.0, charge(Map.of("charge-by", "cpus")).cpuHours(), 1e-9); // 16 x 2 h
    }

    @Test
    void qosFactorsApplyToTheJobsQos() {
        JobRecord premium = EXAMPLE3.toBuilder().priority("high").build();
        Charge c = FACTORY.create(Settings.of(Map.of("qos-factors", Map.of("high", 2.0)))).charge(premium);
        assertEquals("high", c.qos());
        assertEquals(2.0, c.qosFactor());
    }

    @Test
    void badParametersAreOneLineErrors() {
        assertThrows(IllegalArgumentException.class, () -> charge(Map.of("chargeby", "cpus")));
        assertThrows(IllegalArgumentException.class, () -> charge(Map.of("charge-by", "weights")));
        assertThrows(IllegalArgumentException.class, () -> charge(Map.of("charge-by", "weights", "tres-weights", Map.of("gpu", 1.0))));
    }
}
