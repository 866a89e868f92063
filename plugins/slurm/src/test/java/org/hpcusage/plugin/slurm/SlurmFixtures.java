package org.hpcusage.plugin.slurm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingInput;
import org.hpcusage.testkit.accounting.CollectingJobSink;

final class SlurmFixtures {
    private SlurmFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = SlurmFixtures.class.getResourceAsStream("/slurm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CollectingJobSink parse(String text) {
        return parse(text, Settings.empty());
    }

    static CollectingJobSink parse(String text, Settings settings) {
        CollectingJobSink sink = new CollectingJobSink();
        try {
            new SlurmAccountingParser().parse(new AccountingInput("test", "test", new BufferedReader(new StringReader(text)),
                    settings), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }
}
