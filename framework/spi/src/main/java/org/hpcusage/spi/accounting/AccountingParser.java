package org.hpcusage.spi.accounting;

import java.io.IOException;
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
}
