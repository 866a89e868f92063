package org.hpcusage.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real launcher scripts of the built distribution folder as child processes. */
final class Launcher {
    record Result(int exit, String out, String err) {
    }

    private final Path dist;
    private final Path home;

    /** {@code home} null runs with HPCUSAGE_HOME unset, so the launcher's own default applies. */
    Launcher(Path dist, Path home) {
        this.dist = dist;
        this.home = home;
    }

    static Path builtDistribution() {
        return Path.of(System.getProperty("hpcusage.dist", "target/hpcusage")).toAbsolutePath();
    }

    ProcessBuilder builder(Path workDir, String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        if (home == null) {
            pb.environment().remove("HPCUSAGE_HOME");
        } else {
            pb.environment().put("HPCUSAGE_HOME", home.toString());
        }
        pb.environment().remove("HPCUSAGE_JAVA_OPTS");
        return pb;
    }

    Result run(Path workDir, String script, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("hpcusage-it-out", ".txt");
        Path err = Files.createTempFile("hpcusage-it-err", ".txt");
        Process p = builder(workDir, script, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + script + " " + String.join(" ", args));
        }
        try {
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
