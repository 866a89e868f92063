package org.hpcusage.core.scoreboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * New-user discovery against a fake sacct: July and August 2025 are back-filled with alice, bob
 * and carol; then erin's July job appears (the all-users query had missed it), and /home lists
 * erin, frank (no jobs at all), a system account and names that are not user names.
 */
class DiscoveryTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-09-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String HEADER = "JobID|JobName|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End\n";
    private static final String BACKFILLED = HEADER + """
            100|a|alice|COMPLETED|3600|2|1|1000Mc|||cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            100.batch|batch||COMPLETED|3600|2|1||900M|800M|cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            102|c|bob|COMPLETED|3600|8|1|4Gn|||cpu=8|2025-07-30T00:00:00|2025-07-30T12:00:00|2025-07-30T13:00:00
            200|d|carol|COMPLETED|36000|4|1|1000Mc|||cpu=4|2025-08-10T00:00:00|2025-08-10T00:00:00|2025-08-10T10:00:00
            """;
    private static final String ERIN = "400|g|erin|COMPLETED|600|1|1|1G|||cpu=1|2025-07-05T00:00:00|2025-07-05T00:00:00|2025-07-05T00:10:00\n";
    private static final String FIELDS = "JobID,User,State,ElapsedRaw,AllocCPUS,NNodes,ReqMem,MaxRSS,AveRSS,AllocTRES,Submit,Start,End";

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();
    private Database db;

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void findsUsersTheStoreLacksBackfillsThemAndRemembersThem(TestingDatabase.Kind kind) throws IOException, SQLException {
        db = store.open(kind, temp);
        FakeSacct sacct = new FakeSacct(temp.resolve("bin"), BACKFILLED);
        Machine machine = machine(sacct);
        AccountingSource source = TestMachines.extensions().sources().get("slurm");
        Path root = temp.resolve("root");
        Poller poller = new Poller(db, machine, source, root, NOW);
        assertEquals(3, poller.tick(YearMonth.of(2025, 7), true).inserted() + poller.tick(YearMonth.of(2025, 7), true).inserted());
        sacct.jobs(BACKFILLED + ERIN);
        Path home = temp.resolve("home");
        for (String entry : List.of("erin", "Frank", "root", ".cache", "x", "bad name!", "alice")) {
            Files.createDirectories(home.resolve(entry));
        }
        int callsBefore = sacct.calls().size();

        Discovery discovery = new Discovery(db, machine, source, root, home);
        Discovery.Result first = discovery.run(1);
        assertEquals("ok", first.status());
        assertEquals(3, first.knownUsers());            // alice, bob, carol have jobs in the store
        assertEquals(3, first.homeUsers());             // alice, erin, frank (root, .cache, x, "bad name!" are not users)
        assertEquals(4, first.schedulerUsers());        // alice, bob, carol, erin (step rows have no user)
        assertEquals(2, first.newUsersFound());         // erin and frank
        assertEquals(Map.of("erin", List.of("2025-07")), first.processed()); // limit 1: erin first; her July job is new
        assertEquals(1, count("SELECT COUNT(*) FROM jobs WHERE job_id = '400'"));
        List<String> calls = sacct.calls().subList(callsBefore, sacct.calls().size());
        assertEquals(List.of("TZ=UTC -a -n -P -S 2025-07-01 -E 2025-09-01 -o User",
                "TZ=UTC -a -n -P -S 2025-07-01 -E 2025-08-01 -o " + FIELDS + " -u erin",
                "TZ=UTC -a -n -P -S 2025-08-01 -E 2025-09-01 -o " + FIELDS + " -u erin"), calls);

        // frank has no jobs anywhere: scanned once, then known (the reference re-scanned him every tick).
        Discovery.Result second = discovery.run(1);
        assertEquals(Map.of("frank", List.of()), second.processed());
        Discovery.Result third = discovery.run(1);
        assertEquals(0, third.newUsersFound());
        assertEquals(Map.of(), third.processed());
        String remembered = Files.readString(root.resolve("clusters/" + machine.name() + "/state/discovered_users.json"));
        assertEquals("{\"erin\":\"2025-08\",\"frank\":\"2025-08\"}", remembered);
        assertTrue(Files.notExists(root.resolve("clusters/" + machine.name() + "/state/fetch/discover-2025-07.txt")));
    }

    private Machine machine(FakeSacct sacct) {
        Machine base = TestMachines.machines().resolveForImport("hammer", "slurm");
        Settings parser = Settings.of(Map.of("sacct-command", sacct.executable().toString(),
                "sacct-backoff-seconds", 0.01, "sacct-rate-per-minute", 6000));
        MachineDefinition d = base.definition();
        return new Machine(new MachineDefinition(d.name(), d.scheduler(), d.timeZone(), null, parser,
                d.chargingRule(), d.charging()), base.zone(), base.parser(), base.rule());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
