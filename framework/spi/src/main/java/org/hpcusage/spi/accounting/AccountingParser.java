package org.hpcusage.spi.accounting;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.pf4j.ExtensionPoint;

/**
 * Turns one unit of a scheduler's accounting data (a PBS day file, a saved sacct dump) into
 * {@link JobRecord}s. Implementations stream: they never hold the whole input in memory.
 *
 * @since 0.1
 */
public interface AccountingParser extends ExtensionPoint {

    /** The scheduler this parser reads ("pbs", "slurm"): unique, lower case. @since 0.1 */
    String scheduler();

    /**
     * Reads the whole input and pushes every finished job to {@code sink}. A record that cannot be
     * read goes to {@link JobSink#reject} with its line number and the parser carries on; only I/O
     * failures throw.
     *
     * @since 0.1
     */
    void parse(AccountingInput input, JobSink sink) throws IOException;

    /**
     * The name of the file that holds {@code day}'s records in a log directory, for schedulers
     * that write one file a day. The default is PBS's {@code YYYYMMDD}. @since 0.1
     */
    default String dayFileName(LocalDate day) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /**
     * Whether a job with this {@link JobRecord#status()} failed (Slurm: FAILED, TIMEOUT, ...;
     * a cancelled job did not fail). Reports that count failures ask the job's parser. The
     * default knows no failure states. @since 0.1
     */
    default boolean isFailure(String status) {
        return false;
    }

    /**
     * The {@code ChargingRuleFactory} name that charges this scheduler's jobs when a machine's
     * site entry names none (e.g. a machine imported with {@code jobs import} that is not in the
     * site file), or null when there is no sensible default. @since 0.1
     */
    default String defaultChargingRule() {
        return null;
    }
}
