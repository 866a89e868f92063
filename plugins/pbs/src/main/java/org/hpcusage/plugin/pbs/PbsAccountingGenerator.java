package org.hpcusage.plugin.pbs;

import java.io.IOException;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingGenerator;
import org.pf4j.Extension;

/**
 * Writes realistic PBS day files for examples, streaming tests and benchmarks: Q (routing queue,
 * then execution queue), S and E records for each job, plus a few D, A and a records, in time
 * order, with the attribute mix and line sizes of the NCAR samples (Derecho's ~1.4 KB End records
 * with exec_vnode and energy counters, Casper's ~0.8 KB ones). Exactly {@code jobs} End records
 * are written and every one ends on {@code day} in the machine's time zone (settings key
 * {@code time-zone}, default America/Denver). A machine whose name contains "casper" gets
 * Casper's queues and shapes; any other gets Derecho's.
 *
 * <p>The same arguments always give the same bytes: randomness comes from a
 * {@link java.util.SplittableRandom} seeded by seed, day and machine, and only
 * {@code StrictMath} is used.
 */
@Extension
public final class PbsAccountingGenerator implements AccountingGenerator {

    /** Settings key of the time zone whose calendar day the file covers. */
    public static final String TIME_ZONE = "time-zone";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy ");
    private static final int FLUSH_AT = 1 << 16;
    /** Ids advance by this much per day (wrapping every 400 days), so consecutive days look consecutive. */
    private static final long IDS_PER_DAY = 20_000;

    @Override
    public String scheduler() {
        return "pbs";
    }

    @Override
    public void writeUnit(String machine, LocalDate day, int jobs, long seed, Settings settings, Writer out)
            throws IOException {
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs must be >= 0, not " + jobs);
        }
        ZoneId zone = zone(settings);
        long dayStart = day.atStartOfDay(zone).toEpochSecond();
        long dayLength = day.plusDays(1).atStartOfDay(zone).toEpochSecond() - dayStart;

        GeneratorProfile profile = GeneratorProfile.forMachine(machine);
        SitePopulation people = new SitePopulation(machine, profile == GeneratorProfile.CASPER ? 900 : 600);
        long mixed = seed * 0x9E3779B97F4A7C15L + day.toEpochDay() * 0xBF58476D1CE4E5B9L
                + (machine == null ? 0 : machine.hashCode());
        DayPlanner plan = new DayPlanner(profile, people, mixed, dayStart, dayLength);
        long firstId = (profile == GeneratorProfile.CASPER ? 900_000 : 1_000_000)
                + Math.floorMod(day.toEpochDay(), 400) * IDS_PER_DAY;
        plan.plan(jobs, firstId);

        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(dayStart));
        long transition = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond() - dayStart;
        int before = rules.getOffset(Instant.ofEpochSecond(dayStart)).getTotalSeconds();
        int after = next == null ? before : next.getOffsetAfter().getTotalSeconds();
        PbsRecordFormatter format = new PbsRecordFormatter(profile, people, profile.host(machine),
                day.format(DATE), transition, before, after);

        StringBuilder s = new StringBuilder(FLUSH_AT + 16_384);
        char[] chunk = new char[0];
        for (int i = 0, n = plan.records(); i < n; i++) {
            long key = plan.order[i];
            int record = (int) key;
            format.write(s, key >>> 32, plan.kinds[record], plan.jobs.get(plan.jobOf[record]));
            if (s.length() >= FLUSH_AT || i == n - 1) {
                if (chunk.length < s.length()) {
                    chunk = new char[s.length() * 2];
                }
                s.getChars(0, s.length(), chunk, 0);
                out.write(chunk, 0, s.length());
                s.setLength(0);
            }
        }
        out.flush();
    }

    private static ZoneId zone(Settings settings) {
        String name = settings == null ? "America/Denver" : settings.string(TIME_ZONE, "America/Denver");
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(TIME_ZONE + " '" + name + "' is not a time zone");
        }
    }
}
