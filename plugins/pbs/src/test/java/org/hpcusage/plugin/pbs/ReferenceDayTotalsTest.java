package org.hpcusage.plugin.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;
import org.hpcusage.spi.charging.ChargingRule;
import org.hpcusage.spi.site.MachineDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parser, catalog settings and charging rules together against the day totals the reference
 * printed for the shared sample days (job-history.md §10.5, its daily_summary of each day: every
 * E record in these files ends on the file's local day). Hours are raw; charges are hours × QoS
 * factor. Skipped without the shared data.
 */
class ReferenceDayTotalsTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        // machine, day, jobs, cpu_hours, gpu_hours, memory_hours, cpu_charges, gpu_charges, memory_charges
        "casper, 20260101, 231, 173.682, 0.000, 427.292, 173.682, 0.000, 427.292",
        "derecho, 20260101, 283, 158118.515, 0.346, 96515.775, 173145.569, 0.346, 108758.503",
        "derecho, 20260129, 31, 25223.193, 0.000, 17007.098, 26372.615, 0.000, 17457.579",
    })
    void dayTotals(String machine, String day, int jobs, double cpu, double gpu, double memory,
                   double cpuCharges, double gpuCharges, double memoryCharges) throws IOException {
        List<MachineDefinition> machines = new NcarMachineCatalog().machines();
        MachineDefinition m = machine.equals("derecho") ? machines.get(0) : machines.get(1);
        ChargingRule rule = machine.equals("derecho")
                ? new NodeExclusiveChargingRuleFactory().create(m.charging())
                : new RequestedResourcesChargingRuleFactory().create(m.charging());
        List<JobRecord> parsed = PbsFixtures.parse(PbsFixtures.sharedSample(machine, day), m.parser()).jobs();
        double[] t = new double[6];
        for (JobRecord job : parsed) {
            Charge c = rule.charge(job);
            t[0] += c.cpuHours();
            t[1] += c.gpuHours();
            t[2] += c.memoryHours();
            t[3] += c.cpuHours() * c.qosFactor();
            t[4] += c.gpuHours() * c.qosFactor();
            t[5] += c.memoryHours() * c.qosFactor();
        }
        // The reference prints three decimals.
        double eps = 0.0005;
        assertEquals(jobs, parsed.size());
        assertEquals(cpu, t[0], eps, "cpu_hours");
        assertEquals(gpu, t[1], eps, "gpu_hours");
        assertEquals(memory, t[2], eps, "memory_hours");
        assertEquals(cpuCharges, t[3], eps, "cpu_charges");
        assertEquals(gpuCharges, t[4], eps, "gpu_charges");
        assertEquals(memoryCharges, t[5], eps, "memory_charges");
    }
}
