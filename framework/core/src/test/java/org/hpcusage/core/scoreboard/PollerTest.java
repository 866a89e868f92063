package org.hpcusage.core.scoreboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.Database;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingSource;
import org.hpcusage.spi.site.MachineDefinition;
import org.hpcusage.testkit.db.TestingDatabase;
import org.hpcusage.testkit.sacct.FakeSacct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Poll ticks with the real sacct source against a fake sacct executable; today is
 * 2025-09-15T12:00Z, back-fill starts in July 2025.
 */
class PollerTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-09-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String JOBS = """
            JobID|JobName|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End
            100|a|alice|COMPLETED|3600|2|1|1000Mc|||cpu=2,gres/gpu=1|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            100.batch|batch||COMPLETED|3600|2|1||900M|800M|cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            101|b|alice|FAILED|1800|1|1|500Mc|||cpu=1|2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T00:30:00
            102|c|bob|COMPLETED|172800|8|1|4Gn|||cpu=8|2025-07-30T00:00:00|2025-07-30T12:00:00|2025-08-01T12:00:00
            200|d|carol|COMPLETED|36000|4|1|1000Mc|||cpu=4|2025-08-10T00:00:00|2025-08-10T00:00:00|2025-08-10T10:00:00
            201|e|carol|PENDING|0|4|1|1000Mc|||cpu=4|2025-08-20T00:00:00|Unknown|Unknown
            300|f|dave|COMPLETED|3600|1|1|1G|||cpu=1|2025-09-10T00:00:00|2025-09-10T00:00:00|2025-09-10T01:00:00
            """;
    private static final String FIELDS = "JobID,User,State,ElapsedRaw,AllocCPUS,NNodes,ReqMem,MaxRSS,AveRSS,AllocTRES,Submit,Start,End";

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();
    private Database db;
    private FakeSacct sacct;

    private Poller poller(TestingDatabase.Kind kind, String cluster) throws IOException {
        if (db == null) {
            db = store.open(kind, temp);
            sacct = new FakeSacct(temp.resolve("bin"), JOBS);
        }
        Machine base = TestMachines.machines().resolveForImport(cluster, "slurm");
        // Fast retries and a generous rate, so the test does not wait; the values are the site file's.
        Settings parser = Settings.of(Map.of("sacct-command", sacct.executable().toString(),
                "sacct-backoff-seconds", 0.01, "sacct-rate-per-minute", 6000));
        MachineDefinition d = base.definition();
        Machine machine = new Machine(new MachineDefinition(d.name(), d.scheduler(), d.timeZone(), null, parser,
                d.chargingRule(), d.charging()), base.zone(), base.parser(), base.rule());
        AccountingSource source = TestMachines.extensions().sources().get("slurm");
        return new Poller(db, machine, source, temp.resolve("root"), NOW);
    }

    private String cursor(String cluster) throws IOException {
        return Files.readString(temp.resolve("root/clusters/" + cluster + "/state/poll_cursor.json"));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void backfillsMonthByMonthThenFollowsTheCurrentMonth(TestingDatabase.Kind kind) throws IOException, SQLException {
        Poller p = poller(kind, "hammer");
        Poller.Result july = p.tick(YearMonth.of(2025, 7), false);
        assertEquals("ok", july.status());
        assertEquals(3, july.inserted());           // 100, 101 and 102, which runs into August
        assertEquals("{\"backfill_start\":\"2025-07\",\"in_progress\":null,\"last_complete_month\":\"2025-07\"}", cursor("hammer"));

        Poller.Result august = p.tick(YearMonth.of(2000, 1), false); // a stored start is kept (§4.4)
        assertEquals(1, august.inserted());         // 200; 102 again is a duplicate; 201 is pending
        assertEquals("{\"backfill_start\":\"2025-07\",\"in_progress\":null,\"last_complete_month\":\"2025-08\"}", cursor("hammer"));

        Poller.Result september = p.tick(YearMonth.of(2025, 7), false);
        assertEquals("incremental", september.phase());
        assertEquals(1, september.inserted());      // 300

        assertEquals(List.of("TZ=UTC -a -n -P -S 2025-07-01 -E 2025-08-01 -o " + FIELDS,
                "TZ=UTC -a -n -P -S 2025-08-01 -E 2025-09-01 -o " + FIELDS,
                "TZ=UTC -a -n -P -S 2025-09-01 -E 2025-09-16 -o " + FIELDS), sacct.calls());
        assertEquals(5, count("SELECT COUNT(*) FROM jobs"));
        assertEquals(900_000_000L, count("SELECT memory FROM jobs WHERE job_id = '100'"));
        // the same tick again adds nothing
        assertEquals(0, p.tick(YearMonth.of(2025, 7), false).inserted());
        assertEquals(5, count("SELECT COUNT(*) FROM jobs"));
        String health = Files.readString(temp.resolve("root/clusters/hammer/state/health.json"));
        assertTrue(health.contains("\"last_status\":\"ok\"") && health.contains("\"last_success_utc\":\"2025-09-15T12:00:00Z\""), health);
        assertEquals("{\"scheduler\":\"slurm\"}", Files.readString(temp.resolve("root/clusters/hammer/state/cluster.json")));
        // no fetched file is left behind
        try (var files = Files.list(temp.resolve("root/clusters/hammer/state/fetch"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aFailedMonthStaysInProgressAndIsRetriedFirst() throws IOException, SQLException {
        Poller p = poller(TestingDatabase.Kind.SQLITE, "negishi");
        sacct.mode("fail 3");                       // all three attempts fail
        Poller.Result failed = p.tick(YearMonth.of(2025, 7), false);
        assertEquals("sacct_failed", failed.status());
        assertEquals(1, failed.exitCode());
        assertTrue(failed.message().startsWith("sacct failed rc=1 after 3 attempts"), failed.message());
        assertEquals("{\"backfill_start\":\"2025-07\",\"in_progress\":\"2025-07\",\"last_complete_month\":null}", cursor("negishi"));
        assertTrue(Files.readString(temp.resolve("root/clusters/negishi/state/health.json")).contains("\"last_status\":\"sacct_failed\""));

        Poller.Result retried = p.tick(YearMonth.of(2025, 7), false); // the fail count is spent: sacct answers
        assertEquals(YearMonth.of(2025, 7), retried.month());
        assertEquals(3, retried.inserted());
        assertEquals("{\"backfill_start\":\"2025-07\",\"in_progress\":null,\"last_complete_month\":\"2025-07\"}", cursor("negishi"));
    }

    @Test
    void aSecondPollWhileTheLockIsHeldExitsThree() throws IOException {
        Poller p = poller(TestingDatabase.Kind.SQLITE, "bell");
        Path lock = Files.createDirectories(temp.resolve("root/clusters/bell/state")).resolve("lock");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE); var held = ch.lock()) {
            Poller.Result r = p.tick(YearMonth.of(2025, 7), false);
            assertEquals("locked", r.status());
            assertEquals(3, r.exitCode());
        }
        assertEquals(List.of(), sacct.calls());
    }

    @Test
    void backfillOnlyStopsAtTheCurrentMonth() throws IOException {
        Poller p = poller(TestingDatabase.Kind.SQLITE, "gilbreth");
        p.tick(YearMonth.of(2025, 8), true);
        Poller.Result done = p.tick(YearMonth.of(2025, 8), true);
        assertEquals("complete", done.status());
        assertEquals(1, sacct.calls().size());      // August only; September is the current month
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
