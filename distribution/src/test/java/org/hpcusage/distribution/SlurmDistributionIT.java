package org.hpcusage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hpcusage.testkit.sacct.FakeSacct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slurm plugin through the real launcher and PF4J: a sacct dump imported, the slurm-sb wrapper. */
class SlurmDistributionIT {
    @TempDir
    Path temp;

    @Test
    void importsASacctDumpAndShowsTheScoreboardThroughTheWrapper() throws Exception {
        Launcher launcher = new Launcher(Launcher.builtDistribution(), Files.createDirectories(temp.resolve("home")));
        Path cwd = Files.createDirectories(temp.resolve("cwd"));
        Path dump = Files.writeString(temp.resolve("dump.txt"), """
                JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End
                1|alice|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
                2|alice|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
                3|alice|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
                """);
        Launcher.Result plugins = launcher.run(cwd, "hpcusage", "plugins", "list");
        assertTrue(plugins.out().contains("parser slurm") && plugins.out().contains("source slurm")
                && plugins.out().contains("charging-rule slurm-tres"), plugins.out());

        Launcher.Result imported = launcher.run(cwd, "hpcusage", "jobs", "import", "-m", "hammer", "--scheduler", "slurm",
                dump.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("Inserted: 3"), imported.out());

        Launcher.Result show = launcher.run(cwd, "slurm-sb", "show", "--format", "json");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("\"user\": \"alice\"") && show.out().contains("\"clock_hours\": 6.0"), show.out());
    }

    @Test
    void parsePrintsJsonLinesThroughTheWrapper() throws Exception {
        Launcher launcher = new Launcher(Launcher.builtDistribution(), Files.createDirectories(temp.resolve("home")));
        Path cwd = Files.createDirectories(temp.resolve("cwd"));
        // slurm-scoreboard.md §2.8 example 2, and a step row of it (folded in, not a job of its own)
        Path dump = Files.writeString(temp.resolve("dump.txt"), """
                101|alice|FAILED|1800|1|1|500Mc|400M|300M||2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T00:30:00
                101.batch||FAILED|1800|1|1||450M|300M||2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T00:30:00
                """);
        Launcher.Result parsed = launcher.run(cwd, "slurm-sb", "parse", dump.toString());
        assertEquals(0, parsed.exit(), parsed.err());
        // 0.5 h x 1 CPU; 500 MB per CPU; MaxRSS the larger of the job row's 400M and the step's 450M
        assertEquals("{\"clock_hours\":0.5,\"elapsed_hours\":0.5,\"end_ts\":1751416200,\"failed\":true,"
                + "\"gpu_clock_hours\":0.0,\"gpu_count\":0,\"gpu_elapsed_hours\":0.0,\"job_id\":\"101\",\"max_mem_mb\":450.0,"
                + "\"req_mem_mb\":500.0,\"state\":\"FAILED\",\"user\":\"alice\"}\n", parsed.out());
    }

    @Test
    void theEnvironmentSetsTheSacctRateWhenTheSiteFileDoesNot() throws Exception {
        FakeSacct sacct = new FakeSacct(temp.resolve("bin"), """
                JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End
                1|alice|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
                """);
        Path home = Files.createDirectories(temp.resolve("home/conf"));
        Files.writeString(home.resolve("hpcusage.yaml"), """
                machines:
                  hammer:
                    scheduler: slurm
                    parser: {sacct-command: %s}
                """.formatted(sacct.executable()));
        Launcher launcher = new Launcher(Launcher.builtDistribution(), home.getParent());
        Path cwd = Files.createDirectories(temp.resolve("cwd"));
        Path root = temp.resolve("sb");
        ProcessBuilder pb = launcher.builder(cwd, "slurm-sb", "sacct", "-m", "hammer", "--root", root.toString(),
                "--since", "2025-07-01", "--until", "2025-08-01");
        pb.environment().put("SLURM_SB_RATE_PER_MIN", "4");
        Process p = pb.redirectErrorStream(false).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(temp.resolve("err.txt")));
        assertTrue(Files.readString(temp.resolve("out.txt")).startsWith("1|alice|COMPLETED|"));
        // A fresh bucket of capacity 4 after one call: 3 tokens ("tokens last-millis")
        assertEquals("3.0", Files.readString(root.resolve("clusters/hammer/state/ratelimit")).split(" ")[0]);
    }
}
