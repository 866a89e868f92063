package org.hpcusage.plugin.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;
import org.hpcusage.spi.charging.ChargingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The charging formulas of reference §5.1 with every example it asserts, and QoS resolution
 * (§5.2). Each expected number is worked out in the comment beside it.
 */
class ChargingRulesTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final double EPS = 1e-9;

    private static final ChargingRule DERECHO = new NodeExclusiveChargingRuleFactory().create(Settings.empty());
    private static final ChargingRule CASPER = new RequestedResourcesChargingRuleFactory().create(Settings.empty());

    private static JobRecord.Builder job(String queue, long elapsed) {
        return JobRecord.builder("1.test").queue(queue).elapsed(elapsed);
    }

    private static void assertHours(Charge c, double cpu, double gpu, double memory) {
        assertEquals(cpu, c.cpuHours(), EPS, "cpu hours");
        assertEquals(gpu, c.gpuHours(), EPS, "gpu hours");
        assertEquals(memory, c.memoryHours(), EPS, "memory hours");
    }

    @Test
    void derechoProductionCpuJob() {
        // main, 2 nodes, 1 h: 3600 · 2 · 128 / 3600 = 256 CPU h; no "gpu" in the queue → 0 GPU h.
        // 100 GiB used for 1 h: 3600 · 100 GiB / (3600 · GiB) = 100 GB h.
        Charge c = DERECHO.charge(job("main", 3600).numnodes(2).numcpus(256).memory(100 * GIB).build());
        assertHours(c, 256.0, 0.0, 100.0);
        assertEquals(100.0, c.memoryHours(), 1.0, "±1 % as the reference asserts");
    }

    @Test
    void derechoDevQueuesChargeWhatWasRequested() {
        // develop contains "dev": 3600 · 32 / 3600 = 32 CPU h.
        assertHours(DERECHO.charge(job("develop", 3600).numnodes(1).numcpus(32).memory(30 * GIB).build()), 32.0, 0.0, 30.0);
        // gpudev: 3600 · 32 / 3600 = 32 CPU h, 3600 · 4 / 3600 = 4 GPU h.
        assertHours(DERECHO.charge(job("gpudev", 3600).numnodes(1).numcpus(32).numgpus(4).build()), 32.0, 4.0, 0.0);
        // main@desched1:gpudev, 8 gpus: dev and gpu → 8 GPU h.
        assertHours(DERECHO.charge(job("main@desched1:gpudev", 3600).numnodes(2).numcpus(64).numgpus(8).build()), 64.0, 8.0, 0.0);
    }

    @Test
    void derechoProductionGpuQueueChargesWholeNodes() {
        // main@desched1:gpu, 2 nodes, 1 h: 2 · 128 = 256 CPU h and 2 · 4 = 8 GPU h.
        assertHours(DERECHO.charge(job("main@desched1:gpu", 3600).numnodes(2).numgpus(2).build()), 256.0, 8.0, 0.0);
        // Fixture: gpu, 1 node, numgpus 1, 156 s → 156 · 128 / 3600 = 5.5466…, 156 · 4 / 3600 = 0.17333…
        Charge c = DERECHO.charge(job("gpu", 156).numnodes(1).numcpus(64).numgpus(1).build());
        assertHours(c, 156.0 * 128 / 3600, 156.0 * 4 / 3600, 0.0);
        assertEquals(5.5467, c.cpuHours(), 1e-4);
        assertEquals(0.1733, c.gpuHours(), 1e-4);
    }

    @Test
    void queueMatchingIgnoresCase() {
        assertHours(DERECHO.charge(job("GPUDEV", 3600).numcpus(8).numgpus(1).build()), 8.0, 1.0, 0.0);
    }

    @Test
    void zeroOrNullInputsGiveZeros() {
        for (ChargingRule rule : List.of(DERECHO, CASPER)) {
            assertHours(rule.charge(JobRecord.builder("1.x").build()), 0, 0, 0);
            assertHours(rule.charge(job("cpu", 0).numnodes(4).numcpus(512).memory(GIB).build()), 0, 0, 0);
            assertHours(rule.charge(job("gpudev", 3600).build()), 0, 0, 0);
        }
    }

    @Test
    void casperChargesRequestedCpusAndGpus() {
        // 8 cpus, 2 gpus, 30 GiB, 1 h → 8, 2, 30.
        assertHours(CASPER.charge(job("nvgpu", 3600).numnodes(1).numcpus(8).numgpus(2).memory(30 * GIB).build()), 8.0, 2.0, 30.0);
        // No node scaling, no queue logic: 2 nodes, cpu queue, 36 cpus, 0.5 h → 18.
        assertHours(CASPER.charge(job("cpu", 1800).numnodes(2).numcpus(36).numgpus(1).build()), 18.0, 0.5, 0.0);
    }

    @Test
    void workedExampleCharges() {
        JobRecord job = PbsFixtures.parse(PbsFixtures.resource("derecho/e-record-4779496.log"), PbsFixtures.DERECHO).jobs().get(0);
        Charge c = DERECHO.charge(job);
        // 24 · 1 · 128 / 3600 = 0.85333…; 24 · 176742400 / (3600 · 1073741824) = 0.0010973612…
        assertEquals(new Charge("regular", 1.0, 3072.0 / 3600, 0.0, 4241817600.0 / 3865470566400.0), c);
        assertEquals(0.0010973612, c.memoryHours(), 1e-10);
    }

    @Test
    void casperSyntheticFileCharges() {
        List<JobRecord> jobs = PbsFixtures.parse(PbsFixtures.resource("casper/synthetic-7-jobs.log"), PbsFixtures.CASPER).jobs();
        List<Charge> c = jobs.stream().map(CASPER::charge).toList();
        // README table: E·ncpus/3600 and E·ngpus/3600.
        assertHours(c.get(0), 6.05, 0, 61952000.0 / 3774873600.0);
        assertHours(c.get(1), 64, 1, 3600.0 * 256000 * 1024 / (3600.0 * GIB));
        assertEquals("premium", c.get(1).qos());
        assertEquals(1.5, c.get(1).qosFactor());
        assertEquals(18, c.get(2).cpuHours(), EPS);
        assertEquals(0.5, c.get(2).gpuHours(), EPS);
        assertEquals(4200.0 * 128 / 3600, c.get(3).cpuHours(), EPS);
        assertEquals(4200.0 * 4 / 3600, c.get(3).gpuHours(), EPS);
        assertEquals(72, c.get(4).cpuHours(), EPS);
        assertEquals(300.0 * 4 / 3600, c.get(5).cpuHours(), EPS);
        assertEquals("economy", c.get(5).qos());
        assertEquals(0.7, c.get(5).qosFactor());
        assertEquals(48, c.get(6).cpuHours(), EPS);
        assertEquals(2, c.get(6).gpuHours(), EPS);
    }

    @Test
    void contractSampleChargesWithDerechoRule() {
        List<Charge> c = PbsFixtures.parse(PbsFixtures.resource("contract/derecho-mini-day.log"), PbsFixtures.DERECHO)
                .jobs().stream().map(DERECHO::charge).toList();
        // README: cpudev 1750 s · 4 / 3600; cpu 1 node 1 h → 128, 100 GiB · 1 h → 100; gpu 1 node 1 h → 128 + 4.
        assertHours(c.get(0), 1750.0 * 4 / 3600, 0, 1750.0 * 1048576 * 1024 / (3600.0 * GIB));
        assertEquals("regular", c.get(0).qos(), "priority none → regular");
        assertHours(c.get(1), 128, 0, 100);
        assertEquals(128, c.get(2).cpuHours(), EPS);
        assertEquals(4, c.get(2).gpuHours(), EPS);
        assertEquals("premium", c.get(2).qos());
    }

    @Test
    void largeProductsStayExact() {
        // 43200 s · 1 TiB = 4.75e16 > 2^53: the division still gives 12 h · 1024 GB = 12288 GB h.
        assertEquals(12288.0, CASPER.charge(job("htc", 43200).memory(1024 * GIB).build()).memoryHours());
    }

    // ---- QoS, §5.2 ----

    @ParameterizedTest(name = "queue {0}, priority {1} → {2} ({3})")
    @CsvSource(value = {
        "jhublogin | premium | uncharged | 0.0",   // the queue override beats the priority
        "JHubLogin | regular | uncharged | 0.0",   // both lower-cased
        "cpu | premium | premium | 1.5",
        "cpu | Premium | premium | 1.5",
        "cpu | economy | economy | 0.7",
        "cpu | regular | regular | 1.0",
        "cpu | special | special | 1.0",
        "cpu | none | regular | 1.0",              // anything else → regular
        "cpu | bogus | regular | 1.0",
        "cpu | uncharged | regular | 1.0",         // only the queue can make a job uncharged
        "cpu | '' | regular | 1.0",
        "cpu | null | regular | 1.0",
        "null | null | regular | 1.0",
    }, delimiter = '|', nullValues = "null")
    void qosResolution(String queue, String priority, String qos, double factor) {
        for (ChargingRule rule : List.of(DERECHO, CASPER)) {
            Charge c = rule.charge(JobRecord.builder("1.x").queue(queue).priority(priority).build());
            assertEquals(qos, c.qos());
            assertEquals(factor, c.qosFactor());
        }
    }

    @Test
    void unchargedJobsKeepTheirHours() {
        // §5.3: a jhublogin job has non-zero hours and factor 0.0.
        Charge c = CASPER.charge(job("jhublogin", 3600).numcpus(2).priority("regular").build());
        assertEquals("uncharged", c.qos());
        assertEquals(0.0, c.qosFactor());
        assertEquals(2.0, c.cpuHours(), EPS);
    }

    // ---- parameters ----

    @Test
    void parametersChangeTheRule() {
        ChargingRule rule = new NodeExclusiveChargingRuleFactory().create(Settings.of(Map.of(
                "cores-per-node", 64, "gpus-per-node", 8, "dev-queue-marker", "DEBUG", "gpu-queue-marker", "accel",
                "qos-factors", Map.of("premium", 2.0, "standby", 0.25),
                "queue-qos", Map.of("Backfill", "standby"),
                "priority-qos", Map.of("low", "economy"),
                "default-qos", "economy")));
        // 1 h, 3 nodes in a production accelerator queue: 3 · 64 CPU h, 3 · 8 GPU h.
        Charge c = rule.charge(job("accel", 3600).numnodes(3).numcpus(10).numgpus(1).priority("premium").build());
        assertHours(c, 192, 24, 0);
        assertEquals(2.0, c.qosFactor());
        assertHours(rule.charge(job("debug-accel", 3600).numcpus(10).numgpus(1).build()), 10, 1, 0);
        assertEquals("standby", rule.charge(job("backfill", 1).priority("premium").build()).qos());
        assertEquals(0.25, rule.charge(job("backfill", 1).build()).qosFactor());
        assertEquals("economy", rule.charge(job("cpu", 1).priority("low").build()).qos());
        assertEquals("economy", rule.charge(job("cpu", 1).priority("none").build()).qos(), "default-qos");
        assertEquals("regular", rule.charge(job("cpu", 1).priority("regular").build()).qos(), "built-in entries stay");
    }

    @Test
    void badParametersNameTheirKey() {
        NodeExclusiveChargingRuleFactory node = new NodeExclusiveChargingRuleFactory();
        RequestedResourcesChargingRuleFactory requested = new RequestedResourcesChargingRuleFactory();
        assertBad(() -> node.create(Settings.of(Map.of("cores-per-nod", 128))), "cores-per-nod");
        assertBad(() -> requested.create(Settings.of(Map.of("cores-per-node", 128))), "cores-per-node");
        assertBad(() -> node.create(Settings.of(Map.of("cores-per-node", "many"))), "cores-per-node");
        assertBad(() -> node.create(Settings.of(Map.of("cores-per-node", 0))), "cores-per-node");
        assertBad(() -> node.create(Settings.of(Map.of("cores-per-node", 1.5))), "cores-per-node");
        assertBad(() -> node.create(Settings.of(Map.of("gpus-per-node", -1))), "gpus-per-node");
        assertBad(() -> node.create(Settings.of(Map.of("dev-queue-marker", ""))), "dev-queue-marker");
        assertBad(() -> node.create(Settings.of(Map.of("qos-factors", Map.of("premium", "lots")))), "qos-factors.premium");
        assertBad(() -> node.create(Settings.of(Map.of("qos-factors", Map.of("premium", -1)))), "qos-factors.premium");
        assertBad(() -> node.create(Settings.of(Map.of("qos-factors", "premium"))), "qos-factors");
        assertBad(() -> requested.create(Settings.of(Map.of("default-qos", "gold"))), "default-qos");
        assertBad(() -> requested.create(Settings.of(Map.of("queue-qos", Map.of("q", "gold")))), "queue-qos.q");
        assertBad(() -> requested.create(Settings.of(Map.of("priority-qos", Map.of("p", "gold")))), "priority-qos.p");
    }

    private static void assertBad(org.junit.jupiter.api.function.Executable create, String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, create);
        assertTrue(e.getMessage().contains(key), () -> "'" + e.getMessage() + "' names " + key);
        assertTrue(e.getMessage().indexOf('\n') < 0, "one line");
    }

    @Test
    void namesAreTheSiteFileNames() {
        assertEquals("node-exclusive", new NodeExclusiveChargingRuleFactory().name());
        assertEquals("requested-resources", new RequestedResourcesChargingRuleFactory().name());
    }
}
