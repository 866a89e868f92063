package org.hpcusage.plugin.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.ChargingRule;
import org.hpcusage.spi.site.MachineDefinition;
import org.junit.jupiter.api.Test;

/** The built-in NCAR machines reproduce the reference's settings. */
class NcarMachineCatalogTest {
    private final NcarMachineCatalog catalog = new NcarMachineCatalog();

    @Test
    void derechoThenCasper() {
        assertEquals("ncar", catalog.name());
        assertEquals(List.of("derecho", "casper"), catalog.machines().stream().map(MachineDefinition::name).toList());
    }

    @Test
    void derecho() {
        MachineDefinition m = catalog.machines().get(0);
        assertEquals("pbs", m.scheduler());
        assertEquals("America/Denver", m.timeZone());
        assertEquals("/ncar/pbs/accounting", m.logPath());
        assertEquals("node-exclusive", m.chargingRule());
        assertEquals("milan", m.parser().string("default-cputype", null));
        assertEquals(Map.of("a100", "a100", "h100", "h100", "l40", "l40", "nvgpu", "v100"), m.parser().stringMap("queue-gputype"));
        assertEquals(128, m.charging().integer("cores-per-node", 0));
        assertEquals(4, m.charging().integer("gpus-per-node", 0));
        assertEquals("dev", m.charging().string("dev-queue-marker", null));
        assertEquals("gpu", m.charging().string("gpu-queue-marker", null));
        assertEquals(Map.of("premium", 1.5, "regular", 1.0, "economy", 0.7, "uncharged", 0.0, "special", 1.0),
                m.charging().decimalMap("qos-factors"));
        assertEquals(Map.of("jhublogin", "uncharged"), m.charging().stringMap("queue-qos"));
        assertEquals("regular", m.charging().string("default-qos", null));
    }

    @Test
    void casper() {
        MachineDefinition m = catalog.machines().get(1);
        assertEquals("pbs", m.scheduler());
        assertEquals("America/Denver", m.timeZone());
        assertEquals("/ssg/pbs/casper/accounting", m.logPath());
        assertEquals("requested-resources", m.chargingRule());
        assertFalse(m.parser().has("default-cputype"), "casper guesses no CPU type");
        assertEquals("v100", m.parser().stringMap("queue-gputype").get("nvgpu"));
    }

    @Test
    void catalogSettingsBuildRulesThatChargeLikeTheDefaults() {
        MachineDefinition derecho = catalog.machines().get(0);
        MachineDefinition casper = catalog.machines().get(1);
        ChargingRule d = new NodeExclusiveChargingRuleFactory().create(derecho.charging());
        ChargingRule c = new RequestedResourcesChargingRuleFactory().create(casper.charging());
        JobRecord gpuJob = JobRecord.builder("1.x").queue("gpu").priority("premium").elapsed(3600L)
                .numnodes(2).numcpus(128).numgpus(8).memory(1L << 30).build();
        assertEquals(new NodeExclusiveChargingRuleFactory().create(null).charge(gpuJob), d.charge(gpuJob));
        assertEquals(new RequestedResourcesChargingRuleFactory().create(null).charge(gpuJob), c.charge(gpuJob));
        // 2 nodes · 128 cores, 2 · 4 GPUs, 1 GiB for 1 h, premium.
        assertEquals(new org.hpcusage.spi.charging.Charge("premium", 1.5, 256, 8, 1), d.charge(gpuJob));
    }

    @Test
    void parserSettingsOfTheCatalogDriveInference() {
        MachineDefinition derecho = catalog.machines().get(0);
        JobRecord job = PbsFixtures.parse(new ERecord().line() + "\n", derecho.parser()).jobs().get(0);
        assertEquals("milan", job.cputype());
    }
}
