package org.hpcusage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
