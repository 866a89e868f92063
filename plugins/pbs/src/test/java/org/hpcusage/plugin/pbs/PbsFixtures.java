package org.hpcusage.plugin.pbs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingInput;
import org.hpcusage.testkit.accounting.CollectingJobSink;

/** Shared helpers of the PBS tests: parsing text, reading golden resources, finding shared samples. */
final class PbsFixtures {
    /** Derecho's parser settings as the NCAR catalog sets them (written out, not read from it). */
    static final Settings DERECHO = Settings.of(Map.of("default-cputype", "milan",
            "queue-gputype", Map.of("a100", "a100", "h100", "h100", "l40", "l40", "nvgpu", "v100")));
    /** Casper's: the same queue map, no default CPU type. */
    static final Settings CASPER = Settings.of(Map.of(
            "queue-gputype", Map.of("a100", "a100", "h100", "h100", "l40", "l40", "nvgpu", "v100")));

    private PbsFixtures() {
    }

    static CollectingJobSink parse(String text, Settings settings) {
        CollectingJobSink sink = new CollectingJobSink();
        try {
            new PbsAccountingParser().parse(new AccountingInput("test", "test",
                    new BufferedReader(new StringReader(text)), settings), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    static CollectingJobSink parse(Path file, Settings settings) throws IOException {
        CollectingJobSink sink = new CollectingJobSink();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new PbsAccountingParser().parse(new AccountingInput("test", file.toString(), reader, settings), sink);
        }
        return sink;
    }

    /** A test resource under {@code src/test/resources/pbs/}. */
    static String resource(String name) {
        try (InputStream in = PbsFixtures.class.getResourceAsStream("/pbs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource pbs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A real sample day file in {@code shared/data/pbs/<machine>/<day>}, beside the repository;
     * the calling test is skipped when it is not there (a clone without the shared data).
     */
    static Path sharedSample(String machine, String day) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("framework"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "repository root not found above " + Path.of("").toAbsolutePath());
        Path file = dir.resolve("../shared/data/pbs").resolve(machine).resolve(day).normalize();
        assumeTrue(Files.isRegularFile(file), "shared sample " + file + " is absent");
        return file;
    }
}
