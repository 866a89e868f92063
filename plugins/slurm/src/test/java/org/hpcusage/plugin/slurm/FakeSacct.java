package org.hpcusage.plugin.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A fake {@code sacct} executable in a test's temp folder: the script
 * src/test/resources/slurm/fake-sacct.sh with its job table, a mode file and a call log.
 */
final class FakeSacct {
    final Path dir;
    final Path executable;

    FakeSacct(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.executable = dir.resolve("sacct");
        copy("fake-sacct.sh", executable);
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        copy("fake-sacct-data.txt", dir.resolve("data"));
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = FakeSacct.class.getResourceAsStream("/slurm/" + resource)) {
            Files.copy(in, to);
        }
    }

    /** "fail N", "hang" or "ok". */
    void mode(String mode) throws IOException {
        Files.writeString(dir.resolve("mode"), mode + "\n");
        Files.deleteIfExists(dir.resolve("count"));
    }

    List<String> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }
}
