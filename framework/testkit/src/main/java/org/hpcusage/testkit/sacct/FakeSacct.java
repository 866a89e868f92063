package org.hpcusage.testkit.sacct;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A fake {@code sacct} executable in a test's temp folder, for tests of anything that runs sacct
 * (there is no Slurm here): a bash + awk script (fake-sacct.sh next to this class) answering from
 * a job table, honouring {@code -a -n -P -S -E -o -u}, logging every call with its {@code TZ},
 * and told by {@link #mode} to fail or hang.
 */
public final class FakeSacct {
    private final Path dir;
    private final Path executable;

    /**
     * @param dir  folder to create it in
     * @param jobs the job table: a '|'-separated header of sacct field names, then job rows, each
     *             followed by its step rows (steps with an empty User, as sacct prints them)
     */
    public FakeSacct(Path dir, String jobs) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.executable = dir.resolve("sacct");
        try (InputStream in = FakeSacct.class.getResourceAsStream("fake-sacct.sh")) {
            Files.copy(in, executable);
        }
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        jobs(jobs);
    }

    /** The path to run. */
    public Path executable() {
        return executable;
    }

    /** Replaces the job table (a later poll sees more jobs). */
    public void jobs(String table) throws IOException {
        Files.writeString(dir.resolve("data"), table, StandardCharsets.UTF_8);
    }

    /** "fail N" (exit 1 on the next N calls), "hang" (sleep 300 s) or "ok". */
    public void mode(String mode) throws IOException {
        Files.writeString(dir.resolve("mode"), mode + "\n");
        Files.deleteIfExists(dir.resolve("count"));
    }

    /** Every call so far, as "TZ=<tz> <arguments>". */
    public List<String> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }
}
