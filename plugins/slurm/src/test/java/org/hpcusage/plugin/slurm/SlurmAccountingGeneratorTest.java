package org.hpcusage.plugin.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.testkit.accounting.CollectingJobSink;
import org.junit.jupiter.api.Test;

/** The generator's output is what the parser reads: every generated job, nothing rejected. */
class SlurmAccountingGeneratorTest {

    private static String unit(long seed) throws IOException {
        StringWriter w = new StringWriter();
        new SlurmAccountingGenerator().writeUnit("hammer", LocalDate.of(2025, 7, 4), 2000, seed, Settings.empty(), w);
        return w.toString();
    }

    @Test
    void parsesBackToTheJobsItWrote() throws IOException {
        String text = unit(7);
        CollectingJobSink sink = SlurmFixtures.parse(text);
        assertEquals(List.of(), sink.rejections());
        assertEquals(2000, sink.jobs().size());    // pending and running rows are left out
        for (JobRecord j : sink.jobs()) {
            assertEquals(LocalDate.of(2025, 7, 4), LocalDate.ofInstant(j.end(), ZoneOffset.UTC));
            assertTrue(j.numgpus() == 0 || j.numgpus() == 1 || j.numgpus() == 2 || j.numgpus() == 4, j.toString());
        }
        assertEquals(text, unit(7));                // the same seed gives the same bytes
    }
}
