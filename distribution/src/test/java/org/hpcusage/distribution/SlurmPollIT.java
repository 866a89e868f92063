package org.hpcusage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.hpcusage.testkit.sacct.FakeSacct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slurm-sb poll} as cron runs it, in separate processes: a second poll while another
 * process holds the cluster's lock, and a poll killed mid-month then run again.
 */
class SlurmPollIT {
    private static final String JOBS = """
            JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End
            1|alice|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            2|alice|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T01:00:00
            3|alice|FAILED|3600|2|1|1G|||cpu=2|2025-07-03T00:00:00|2025-07-03T00:00:00|2025-07-03T01:00:00
            """;

    @TempDir
    Path temp;

    @Test
    void aHeldLockMakesTheSecondPollExitThreeAndAKilledPollResumes() throws Exception {
        FakeSacct sacct = new FakeSacct(temp.resolve("bin"), JOBS);
        Path home = Files.createDirectories(temp.resolve("home/conf"));
        Files.writeString(home.resolve("hpcusage.yaml"), """
                machines:
                  hammer:
                    scheduler: slurm
                    parser: {sacct-command: %s, sacct-rate-per-minute: 600, sacct-backoff-seconds: 0.01, sacct-timeout-seconds: 600}
                """.formatted(sacct.executable()));
        Launcher launcher = new Launcher(Launcher.builtDistribution(), home.getParent());
        Path root = temp.resolve("sb");
        Path cwd = Files.createDirectories(temp.resolve("cwd"));
        String[] poll = {"poll", "-m", "hammer", "--root", root.toString(), "--backfill-start", "2025-07-01"};

        // Another process (this test JVM) holds the lock: the poller must not wait, but exit 3.
        Path lock = Files.createDirectories(root.resolve("clusters/hammer/state")).resolve("lock");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE); var held = ch.lock()) {
            Launcher.Result busy = launcher.run(cwd, "slurm-sb", poll);
            assertEquals(3, busy.exit(), busy.err());
        }

        // A poll killed while sacct hangs leaves the month in progress and nothing stored.
        sacct.mode("hang");
        Process p = launcher.builder(cwd, "slurm-sb", poll).redirectErrorStream(true)
                .redirectOutput(temp.resolve("killed.txt").toFile()).start();
        Path cursor = root.resolve("clusters/hammer/state/poll_cursor.json");
        for (int i = 0; i < 600 && !(Files.exists(cursor) && Files.readString(cursor).contains("\"in_progress\":\"2025-07\"")
                && sacct.calls().size() > 0); i++) {
            Thread.sleep(100);
        }
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.readString(cursor).contains("\"in_progress\":\"2025-07\""), Files.readString(cursor));

        // The next tick fetches the same month again and stores it once.
        sacct.mode("ok");
        Launcher.Result resumed = launcher.run(cwd, "slurm-sb", poll);
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("\"month\":\"2025-07\"") && resumed.out().contains("\"new_jobs\":3"), resumed.out());
        assertEquals("{\"backfill_start\":\"2025-07\",\"in_progress\":null,\"last_complete_month\":\"2025-07\"}",
                Files.readString(cursor));
        Launcher.Result again = launcher.run(cwd, "slurm-sb", "show", "--format", "json");
        assertTrue(again.out().contains("\"jobs\": 3"), again.out()); // alice's three jobs, none twice
    }
}
