package org.hpcusage.spi.accounting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.hpcusage.spi.Settings;
import org.pf4j.ExtensionPoint;

/**
 * Fetches accounting records from a live scheduler (Slurm's {@code sacct}) for a window of days,
 * into a file its scheduler's {@link AccountingParser} reads. Sources are polite: they limit their
 * own call rate and retry failures with backoff, because the scheduler's database is shared.
 *
 * @since 0.1
 */
public interface AccountingSource extends ExtensionPoint {

    /** The scheduler whose parser reads what this source writes ("slurm"). @since 0.1 */
    String scheduler();

    /**
     * Writes the records of jobs active in {@code [request.from(), request.until())} to
     * {@code target} (replaced), or throws {@link IOException} with a one-line message once the
     * retries are spent. @since 0.1
     */
    void fetch(Request request, Path target) throws IOException;

    /**
     * The users with jobs active in {@code [request.from(), request.until())} (its {@code user}
     * is ignored), for new-user discovery: distinct, lower case, in no particular order. Empty
     * when the scheduler cannot list them; throws like {@link #fetch}. @since 0.1
     */
    default java.util.List<String> users(Request request) throws IOException {
        return java.util.List.of();
    }

    /**
     * What stops this source from working here, without calling the scheduler (a missing or
     * non-executable command); empty when nothing does. @since 0.1
     */
    default java.util.List<String> problems(Settings settings) {
        return java.util.List.of();
    }

    /**
     * @param machine  the machine (cluster) asked about: also the rate-limit bucket
     * @param from     first day, inclusive (UTC)
     * @param until    last day, exclusive (UTC)
     * @param user     only this user's jobs, or null for everyone's
     * @param settings the machine's source parameters from the site file (may be empty)
     * @param stateDir a folder the source may keep state in between runs (its rate-limit bucket),
     *                 or null to keep none
     * @since 0.1
     */
    record Request(String machine, LocalDate from, LocalDate until, String user, Settings settings, Path stateDir) {
    }
}
