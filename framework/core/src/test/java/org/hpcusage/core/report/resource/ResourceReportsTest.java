package org.hpcusage.core.report.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.report.Period;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.util.UserException;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource report on the hand-made jobs of src/test/resources/pbs/resource (README there
 * lists each job and its charges), on SQLite and PostgreSQL, once reading daily summaries and
 * once from the jobs table only (synced with no summaries). Expected values are worked out by
 * hand beside each assertion. Rows are compared as "cell|cell|..." with hours to 4 decimals.
 */
class ResourceReportsTest {
    private static final LocalDate FEB10 = LocalDate.of(2026, 2, 10);
    private static final LocalDate MAR31 = LocalDate.of(2026, 3, 31);

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();
    private Database db;
    private Machine derecho;

    static Stream<Arguments> stores() {
        List<Arguments> all = new ArrayList<>();
        for (TestingDatabase.Kind kind : TestingDatabase.Kind.values()) {
            all.add(Arguments.of(kind, true));
            all.add(Arguments.of(kind, false));
        }
        return all.stream();
    }

    private void sync(TestingDatabase.Kind kind, boolean summarize) {
        db = store.open(kind, temp);
        derecho = TestMachines.get("derecho");
        SyncOptions options = new SyncOptions(SyncMode.PLAIN, fixture("derecho"), false, summarize, 1000, "zstd");
        var stats = new SyncEngine(db, derecho, options, SyncListener.NONE).run(FEB10, LocalDate.of(2026, 3, 2));
        assertEquals(7, stats.inserted());
        assertEquals(0, stats.errors());
    }

    static Path fixture(String machine) {
        try {
            return Path.of(ResourceReportsTest.class.getResource("/pbs/resource/" + machine + "/20260210").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rows(ResourceReport report) {
        return rows(report, null, null, Period.DAY);
    }

    private List<String> rows(ResourceReport report, LocalDate start, LocalDate end, Period period) {
        Report r = new ResourceReports(db, start, end, period).run(report, List.of(derecho), "derecho");
        assertEquals(report.kind(), r.kind());
        assertEquals(report.columns(), r.columns());
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : r.rows()) {
            List<String> cells = new ArrayList<>();
            for (var column : r.columns()) {
                Object v = row.get(column.key());
                cells.add(v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v));
            }
            out.add(String.join("|", cells));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, summaries {1}")
    @MethodSource("stores")
    void usageByUserProjectAndFacility(TestingDatabase.Kind kind, boolean summarize) {
        sync(kind, summarize);
        // CPU jobs (cpu, cpudev): J1 alice 128, J2 bob 192, J3 alice 0, J7 alice 0 -> bob 192 (1), alice 128 (3).
        assertEquals(List.of("bob|192.0000|1", "alice|128.0000|3"), rows(ResourceReport.PIE_USER_CPU));
        // Same by account: NCAR0002 192 (J2), UNIV0001 128 (J1, J3, J7); pie-group-cpu is the same query.
        assertEquals(List.of("NCAR0002|192.0000|1", "UNIV0001|128.0000|3"), rows(ResourceReport.PIE_PROJ_CPU));
        assertEquals(rows(ResourceReport.PIE_PROJ_CPU), rows(ResourceReport.PIE_GROUP_CPU));
        // GPU jobs (gpu, gpudev), GPU hours: J4 carol 8, J5 dave 0. J6 (main) is in neither set.
        assertEquals(List.of("carol|8.0000|1", "dave|0.0000|1"), rows(ResourceReport.PIE_USER_GPU));
        assertEquals(List.of("WNA0003|8.0000|1", "CESM0004|0.0000|1"), rows(ResourceReport.PIE_PROJ_GPU));
        assertEquals(rows(ResourceReport.PIE_PROJ_GPU), rows(ResourceReport.PIE_GROUP_GPU));
        // Facilities: NCAR0002 -> NCAR 192; UNIV0001 -> UNIV 128. WNA0003 -> WNA 8; CESM0004 -> CSL 0.
        assertEquals(List.of("NCAR|192.0000|1", "UNIV|128.0000|3"), rows(ResourceReport.PIE_FACILITY_CPU));
        assertEquals(List.of("WNA|8.0000|1", "CSL|0.0000|1"), rows(ResourceReport.PIE_FACILITY_GPU));
        // One machine-local day: Feb 10 holds J1 and J2 (J2 ends 05:00 UTC Feb 11 = 22:00 MST Feb 10).
        assertEquals(List.of("bob|192.0000|1", "alice|128.0000|1"), rows(ResourceReport.PIE_USER_CPU, FEB10, FEB10, Period.DAY));
        // A window with no jobs: no rows.
        assertEquals(List.of(), rows(ResourceReport.PIE_USER_CPU, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), Period.DAY));
    }

    @ParameterizedTest(name = "{0}, summaries {1}")
    @MethodSource("stores")
    void sizesPerBucketWithGapFreeTables(TestingDatabase.Kind kind, boolean summarize) {
        sync(kind, summarize);
        // Nodes of CPU jobs: J7 0 nodes (reference: >2048), J1 and J3 1 node (alice twice), J2 2 nodes.
        assertEquals(List.of("0|1|1|0.0000", "1|2|1|128.0000", "2|1|1|192.0000"), rows(ResourceReport.CPU_JOB_SIZES));
        // GPUs of GPU jobs: J5 0 GPUs, J4 1 GPU (reference: both in >320), GPU hours 0 and 8.
        assertEquals(List.of("0|1|1|0.0000", "1|1|1|8.0000"), rows(ResourceReport.GPU_JOB_SIZES));
        // Cores, CPU+GPU jobs, CPU+GPU hours: J3 0 cores -> 0; J5 8 -> 5-8 (1.3333);
        // J4 64 -> 49-64 (256 + 8 = 264); J1, J7 128 -> 97-128 (2 jobs, alice only, 128 + 0);
        // J2 256 -> >128 (192).
        assertEquals(List.of("0|1|1|0.0000", "5-8|1|1|1.3333", "49-64|1|1|264.0000", "97-128|2|1|128.0000",
                ">128|1|1|192.0000"), rows(ResourceReport.JOB_SIZES));
        // Requested GB: J1 10 -> 1-10; J2 10.5 -> 11-50 (the reference's gap, then >1000);
        // J4 100 -> 51-100; J5 1000 -> 501-1000; J7 1001 -> >1000; J3 none -> unknown, last.
        assertEquals(List.of("1-10|1|1|128.0000", "11-50|1|1|192.0000", "51-100|1|1|264.0000",
                "501-1000|1|1|1.3333", ">1000|1|1|0.0000", "unknown|1|1|0.0000"), rows(ResourceReport.MEMORY_JOB_SIZES));
    }

    @ParameterizedTest(name = "{0}, summaries {1}")
    @MethodSource("stores")
    void waitsPerBucket(TestingDatabase.Kind kind, boolean summarize) {
        sync(kind, summarize);
        // CPU jobs with a known eligible time (J3 has none): J7 0 nodes 7200 s = 2 h; J1 1 node
        // 1800 s = 0.5 h; J2 2 nodes 3600 s = 1 h.
        assertEquals(List.of("0|2.0000|1", "1|0.5000|1", "2|1.0000|1"), rows(ResourceReport.CPU_JOB_WAITS));
        // GPU jobs: J5 0 GPUs, 0 s; J4 1 GPU, 360 s = 0.1 h.
        assertEquals(List.of("0|0.0000|1", "1|0.1000|1"), rows(ResourceReport.GPU_JOB_WAITS));
        // Cores: J5 8 -> 5-8, 0 h; J4 64 -> 49-64, 0.1 h; J1 and J7 128 -> 97-128, (1800 + 7200) / 2
        // = 4500 s = 1.25 h; J2 256 -> >128, 1 h.
        assertEquals(List.of("5-8|0.0000|1", "49-64|0.1000|1", "97-128|1.2500|2", ">128|1.0000|1"),
                rows(ResourceReport.JOB_WAITS));
        // Requested GB: J1 1-10 0.5 h; J2 11-50 1 h; J4 51-100 0.1 h; J5 501-1000 0 h; J7 >1000 2 h.
        assertEquals(List.of("1-10|0.5000|1", "11-50|1.0000|1", "51-100|0.1000|1", "501-1000|0.0000|1", ">1000|2.0000|1"),
                rows(ResourceReport.MEMORY_JOB_WAITS));
    }

    @ParameterizedTest(name = "{0}, summaries {1}")
    @MethodSource("stores")
    void durationsAndMemoryPerRankPerPeriod(TestingDatabase.Kind kind, boolean summarize) {
        sync(kind, summarize);
        // CPU hours by elapsed: Feb 10 (machine-local): J2 2700 s -> 30-60m 192, J1 3600 s -> 1-5h 128;
        // Feb 11: J3 20 s -> <30s 0; Mar 2: J7 90000 s -> >18h 0.
        // Columns: date, <30s, 30s-30m, 30-60m, 1-5h, 5-12h, 12-18h, >18h.
        assertEquals(List.of(
                "2026-02-10|0.0000|0.0000|192.0000|128.0000|0.0000|0.0000|0.0000",
                "2026-02-11|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000",
                "2026-03-02|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000"), rows(ResourceReport.CPU_JOB_DURATIONS));
        // By month: February 192 and 128, March zeros.
        assertEquals(List.of(
                "2026-02|0.0000|0.0000|192.0000|128.0000|0.0000|0.0000|0.0000",
                "2026-03|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000"),
                rows(ResourceReport.CPU_JOB_DURATIONS, null, null, Period.MONTH));
        // GPU hours: J5 600 s -> 30s-30m 0, J4 7200 s -> 1-5h 8, both Feb 11.
        assertEquals(List.of("2026-02-11|0.0000|0.0000|0.0000|8.0000|0.0000|0.0000|0.0000"),
                rows(ResourceReport.GPU_JOB_DURATIONS));
        // Memory per rank = used / (mpiprocs x ompthreads x nodes): J1 64 GiB / 128 = 512 MiB ->
        // 512MB-1GB (lower bound inclusive) 128; J2 1 GiB / (128 x 2) = 4 MiB -> <128MB 192;
        // J3 0 -> <128MB 0; J7 has 0 nodes and counts nowhere. One quarter: 2026-Q1.
        // Columns: date, <128MB, 128MB-512MB, 512MB-1GB, 1-2GB ... 128-256GB, >256GB.
        assertEquals(List.of("2026-Q1|192.0000|0.0000|128.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000"),
                rows(ResourceReport.CPU_JOB_MEMORY_PER_RANK, null, null, Period.QUARTER));
        // J4 2 GiB / 1 rank -> 2-4GB, 8 GPU hours; J5 0 -> <128MB 0. By year: 2026.
        assertEquals(List.of("2026|0.0000|0.0000|0.0000|0.0000|8.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000|0.0000"),
                rows(ResourceReport.GPU_JOB_MEMORY_PER_RANK, null, null, Period.YEAR));
    }

    @ParameterizedTest(name = "{0}, summaries {1}")
    @MethodSource("stores")
    void usageHistory(TestingDatabase.Kind kind, boolean summarize) {
        sync(kind, summarize);
        // Feb 10: users alice, bob (2), projects UNIV0001, NCAR0002 (2); CPU: 2 users, 2 projects,
        // 2 jobs, 128 + 192 = 320 h; no GPU jobs.
        // Feb 11: users alice (J3), carol, dave, erin (J6, main) = 4; projects UNIV0001, WNA0003,
        // CESM0004, NCAR0002 = 4; CPU: J3 only (alice, UNIV0001, 0 h); GPU: J4, J5 (carol, dave,
        // 2 projects, 2 jobs, 8 + 0 GPU h).
        // Mar 2: J7 alice: 1, 1; CPU 1, 1, 1 job, 0 h.
        assertEquals(List.of(
                "2026-02-10|2|2|2|2|2|320.0000|0|0|0|0.0000",
                "2026-02-11|4|4|1|1|1|0.0000|2|2|2|8.0000",
                "2026-03-02|1|1|1|1|1|0.0000|0|0|0|0.0000"), rows(ResourceReport.USAGE_HISTORY));
        // By month, February: users alice, bob, carol, dave, erin = 5; projects 4; CPU users alice,
        // bob (2), projects 2, jobs J1, J2, J3 = 3, 320 h; GPU 2, 2, 2, 8 h.
        assertEquals(List.of(
                "2026-02|5|4|2|2|3|320.0000|2|2|2|8.0000",
                "2026-03|1|1|1|1|1|0.0000|0|0|0|0.0000"), rows(ResourceReport.USAGE_HISTORY, null, MAR31, Period.MONTH));
    }

    @ParameterizedTest(name = "{0}, summaries {1}")
    @MethodSource("stores")
    void allMachinesTagEveryRow(TestingDatabase.Kind kind, boolean summarize) {
        sync(kind, summarize);
        Machine casper = TestMachines.get("casper");
        new SyncEngine(db, casper, new SyncOptions(SyncMode.PLAIN, fixture("casper"), false, summarize, 1000, "zstd"),
                SyncListener.NONE).run(FEB10, FEB10);
        Report r = new ResourceReports(db, null, null, Period.DAY).run(ResourceReport.PIE_USER_CPU, List.of(casper, derecho), "all");
        assertEquals("all", r.fields().get("machine"));
        // casper: frank, htc, 3600 s x 4 cpus = 4 h; then derecho's rows as above.
        assertEquals(List.of("casper frank 4.0 1", "derecho bob 192.0 1", "derecho alice 128.0 3"),
                r.rows().stream().map(row -> row.get("machine") + " " + row.get("label") + " " + row.get("usage_hours")
                        + " " + row.get("job_count")).toList());
    }

    @ParameterizedTest(name = "{0}, summaries {1}")
    @MethodSource("stores")
    void machineWithoutQueueListsIsAOneLineError(TestingDatabase.Kind kind, boolean summarize) {
        sync(kind, summarize);
        Machine bare = new Machine(new org.hpcusage.spi.site.MachineDefinition("bare", "pbs", "UTC", null, null,
                derecho.definition().chargingRule(), null), derecho.zone(), derecho.parser(), derecho.rule());
        UserException e = assertThrows(UserException.class,
                () -> new ResourceReports(db, null, null, Period.DAY).run(ResourceReport.CPU_JOB_SIZES, List.of(bare), "bare"));
        assertTrue(e.getMessage().contains("defines no reports.cpu-queues"), e.getMessage());
    }
}
