package org.hpcusage.plugin.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.testkit.accounting.CollectingJobSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator's output parses cleanly and looks like the NCAR samples. */
class PbsAccountingGeneratorTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 29);

    private static String generate(String machine, LocalDate day, int jobs, long seed, Settings settings) {
        StringWriter out = new StringWriter();
        try {
            new PbsAccountingGenerator().writeUnit(machine, day, jobs, seed, settings, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Map<String, Long> typeCounts(String text) {
        return text.lines().collect(Collectors.groupingBy(l -> l.split(";", 3)[1], Collectors.counting()));
    }

    @ParameterizedTest(name = "{0}, {1} jobs on {2}")
    @CsvSource({"derecho, 2000, 2026-01-29", "casper, 2000, 2026-01-29", "derecho, 1500, 2026-03-08", "casper, 1500, 2026-11-01",
        "derecho, 1, 2026-07-04", "derecho, 0, 2026-07-04"})
    void roundTripGivesExactlyTheJobsEndingOnTheDayAndNoRejection(String machine, int jobs, LocalDate day) {
        Settings settings = machine.equals("casper") ? PbsFixtures.CASPER : PbsFixtures.DERECHO;
        String text = generate(machine, day, jobs, 42, settings);
        CollectingJobSink sink = PbsFixtures.parse(text, settings);
        assertEquals(List.of(), sink.rejections());
        assertEquals(jobs, sink.jobs().size());
        ZoneId denver = ZoneId.of("America/Denver");
        for (JobRecord j : sink.jobs()) {
            assertEquals(day, j.end().atZone(denver).toLocalDate(), j.jobId());
        }
    }

    @Test
    void timeZoneSetting() {
        Settings utc = Settings.of(Map.of("time-zone", "UTC"));
        CollectingJobSink sink = PbsFixtures.parse(generate("derecho", DAY, 500, 3, utc), PbsFixtures.DERECHO);
        assertEquals(500, sink.jobs().size());
        assertTrue(sink.jobs().stream().allMatch(j -> j.end().atZone(ZoneId.of("UTC")).toLocalDate().equals(DAY)));
        assertThrows(IllegalArgumentException.class, () -> generate("derecho", DAY, 5, 3, Settings.of(Map.of("time-zone", "Mars/Olympus"))));
    }

    @Test
    void recordsAreInTimeOrderAndIdsRiseWithSubmission() {
        String text = generate("derecho", DAY, 3000, 9, Settings.empty());
        String previous = "";
        long lastQueuedId = 0;
        for (String line : text.lines().toList()) {
            String time = line.substring(0, 19);
            assertTrue(time.compareTo(previous) >= 0, "time order at " + time);
            previous = time;
            String[] f = line.split(";", 4);
            assertEquals(4, f.length);
            assertTrue(f[3].length() > 0);
            if (f[1].equals("Q") && f[3].contains(" etime=0 ")) {
                long id = Long.parseLong(f[2].substring(0, f[2].indexOf(f[2].contains("[") ? '[' : '.')));
                assertTrue(id > lastQueuedId, "ids rise: " + id + " after " + lastQueuedId);
                lastQueuedId = id;
            }
        }
    }

    @Test
    void deterministicPerSeed() {
        String a = generate("derecho", DAY, 800, 5, Settings.empty());
        assertEquals(a, generate("derecho", DAY, 800, 5, Settings.empty()));
        assertNotEquals(a, generate("derecho", DAY, 800, 6, Settings.empty()));
        assertNotEquals(a, generate("derecho", DAY.plusDays(1), 800, 5, Settings.empty()));
    }

    @Test
    void derechoLooksLikeTheSamples() {
        String text = generate("derecho", DAY, 5000, 1, Settings.empty());
        Map<String, Long> types = typeCounts(text);
        assertEquals(5000L, types.get("E"));
        // The samples: about two Q and one S per E, and a few D/A/a.
        assertBetween(types.get("Q"), 8000, 12000, "Q records");
        assertBetween(types.get("S"), 4000, 6000, "S records");
        assertTrue(types.getOrDefault("D", 0L) + types.getOrDefault("A", 0L) > 0 && types.get("a") > 0);
        List<String> ends = text.lines().filter(l -> l.contains(";E;")).toList();
        double meanLength = ends.stream().mapToInt(String::length).average().orElse(0);
        assertBetween((long) meanLength, 1300, 1700, "mean E line length (samples: ~1.4 KB)");
        // Array parents ran nowhere themselves: no exec_vnode, no energy counters.
        assertTrue(ends.stream().allMatch(l -> l.contains("[].")
                || l.contains(" exec_vnode=(") && l.contains("resources_used.x-ncar-memory-energy-init=")));
        assertTrue(ends.stream().allMatch(l -> l.contains(".desched1;") && l.contains("account=\"")));

        List<JobRecord> jobs = PbsFixtures.parse(text, PbsFixtures.DERECHO).jobs();
        Map<String, Long> queues = jobs.stream().collect(Collectors.groupingBy(JobRecord::queue, Collectors.counting()));
        assertTrue(queues.keySet().containsAll(Set.of("cpu", "cpudev", "gpu", "gpudev")), queues::toString);
        assertTrue(jobs.stream().map(JobRecord::priority).collect(Collectors.toSet()).containsAll(Set.of("regular", "premium", "economy", "none")));
        long users = jobs.stream().map(JobRecord::user).distinct().count();
        assertBetween(users, 100, 600, "distinct users");
        long singleNode = jobs.stream().filter(j -> j.numnodes() == 1).count();
        assertBetween(singleNode * 100 / jobs.size(), 70, 95, "% single-node jobs");
        assertTrue(jobs.stream().mapToInt(JobRecord::numnodes).max().getAsInt() >= 20, "a long tail of node counts");
        long arrays = jobs.stream().filter(j -> j.shortId() == null).count();
        assertBetween(arrays * 1000 / jobs.size(), 3, 60, "per mille array rows (~1 %)");
        assertTrue(jobs.stream().mapToLong(JobRecord::elapsed).min().getAsLong() < 60);
        assertTrue(jobs.stream().mapToLong(JobRecord::elapsed).max().getAsLong() > 6 * 3600);
        // Skew: the busiest user runs far more than the median one.
        long[] perUser = jobs.stream().collect(Collectors.groupingBy(JobRecord::user, Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).sorted().toArray();
        assertTrue(perUser[perUser.length - 1] > 10 * perUser[perUser.length / 2], Arrays.toString(perUser));
    }

    @Test
    void casperLooksLikeTheSamples() {
        String text = generate("casper", DAY, 3000, 1, Settings.empty());
        List<String> ends = text.lines().filter(l -> l.contains(";E;")).toList();
        double meanLength = ends.stream().mapToInt(String::length).average().orElse(0);
        assertBetween((long) meanLength, 650, 950, "mean E line length (samples: ~0.8 KB)");
        assertTrue(ends.stream().noneMatch(l -> l.contains("x-ncar")), "no energy counters on casper");
        assertTrue(ends.stream().allMatch(l -> l.contains(".casper-pbs;")));
        List<JobRecord> jobs = PbsFixtures.parse(text, PbsFixtures.CASPER).jobs();
        Map<String, Long> queues = new HashMap<>(jobs.stream().collect(Collectors.groupingBy(JobRecord::queue, Collectors.counting())));
        assertTrue(queues.get("htc") > jobs.size() / 2, queues::toString);
        assertTrue(jobs.stream().map(JobRecord::gputype).filter(g -> g != null).collect(Collectors.toSet())
                .containsAll(Set.of("a100", "v100", "h100", "l40")));
    }

    @Test
    void otherMachinesGetTheirOwnHost() {
        String text = generate("gust", DAY, 10, 1, Settings.empty());
        assertTrue(text.lines().allMatch(l -> l.split(";")[2].endsWith(".gust-pbs")));
    }

    @Test
    void negativeJobCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> generate("derecho", DAY, -1, 1, Settings.empty()));
    }

    @Test
    void schedulerIsPbs() {
        assertEquals("pbs", new PbsAccountingGenerator().scheduler());
        assertEquals(new PbsAccountingParser().scheduler(), new PbsAccountingGenerator().scheduler());
    }

    private static void assertBetween(long value, long low, long high, String what) {
        assertTrue(value >= low && value <= high, what + ": " + value + " not in [" + low + ", " + high + "]");
    }
}
