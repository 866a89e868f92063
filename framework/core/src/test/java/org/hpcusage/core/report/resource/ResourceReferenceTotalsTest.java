package org.hpcusage.core.report.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.report.Period;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.MigrationRunner;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Resource reports on the shared derecho samples against the reference's golden day totals
 * (job-history.md §10.5): 2026-01-01 has 283 jobs, 158118.515 CPU-h and 0.346 GPU-h;
 * 2026-01-29 has 31 jobs and 25223.193 CPU-h. Every one of those jobs runs in a CPU or GPU
 * queue, so a report over both sets must add up to the day totals. Skipped when
 * ../shared/data is absent.
 */
class ResourceReferenceTotalsTest {
    private static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate JAN29 = LocalDate.of(2026, 1, 29);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void reportsAddUpToTheReferenceDayTotals(TestingDatabase.Kind kind) {
        Path logs = TestMachines.sharedPbsData("derecho").orElse(null);
        Assumptions.assumeTrue(logs != null, "../shared/data/pbs/derecho is absent");
        Machine derecho = TestMachines.get("derecho");
        try (TestingDatabase testDb = TestingDatabase.create(kind, temp);
             Database db = Database.open(DatabaseTarget.parse(testDb.spec()), MigrationRunner.JOBS)) {
            new SyncEngine(db, derecho, SyncOptions.defaults(SyncMode.PLAIN, logs), SyncListener.NONE).run(JAN1, JAN29);

            // job-sizes: every CPU and GPU job by cores, CPU + GPU hours: 283 jobs and
            // 158118.515 + 0.346 = 158118.861 hours on January 1.
            Report sizes = new ResourceReports(db, JAN1, JAN1, Period.DAY).run(ResourceReport.JOB_SIZES, List.of(derecho), "derecho");
            assertEquals(283, sizes.rows().stream().mapToLong(r -> (Long) r.get("job_count")).sum());
            assertEquals(158118.861, sizes.rows().stream().mapToDouble(r -> (Double) r.get("hours")).sum(), 0.002);

            // usage-history: January 29 has only CPU jobs, 31 of them, 25223.193 CPU hours.
            Report history = new ResourceReports(db, JAN29, JAN29, Period.DAY).run(ResourceReport.USAGE_HISTORY, List.of(derecho), "derecho");
            Map<String, Object> day = history.rows().get(0);
            assertEquals("2026-01-29", day.get("Date"));
            assertEquals(31L, day.get("#-CPU-Jobs"));
            assertEquals(0L, day.get("#-GPU-Jobs"));
            assertEquals(25223.193, (Double) day.get("#-CPU-Hrs"), 0.001);

            // pie-facility-gpu on January 1: the GPU hours of the day, 0.346, over every facility.
            Report gpu = new ResourceReports(db, JAN1, JAN1, Period.DAY).run(ResourceReport.PIE_FACILITY_GPU, List.of(derecho), "derecho");
            assertEquals(0.346, gpu.rows().stream().mapToDouble(r -> (Double) r.get("usage_hours")).sum(), 0.001);
        }
    }
}
