package org.hpcusage.spi.accounting;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import org.pf4j.ExtensionPoint;
import org.hpcusage.spi.Settings;

/**
 * Writes realistic synthetic accounting data in a scheduler's own format, for examples,
 * streaming tests and benchmarks. Output must be accepted by the same plugin's parser.
 *
 * @since 0.1
 */
public interface AccountingGenerator extends ExtensionPoint {

    /** The scheduler whose format this writes; matches {@link AccountingParser#scheduler()}. @since 0.1 */
    String scheduler();

    /**
     * Writes one unit (e.g. one PBS day file) holding about {@code jobs} finished jobs, plus the
     * other record types a real unit carries. The same {@code seed} gives the same bytes.
     *
     * @param machine  machine name, used for host names in job ids
     * @param day      the day the unit covers
     * @param jobs     number of finished jobs to write
     * @param seed     random seed
     * @param settings the machine's parser settings (the generator may use e.g. the time zone)
     * @since 0.1
     */
    void writeUnit(String machine, LocalDate day, int jobs, long seed, Settings settings, Writer out) throws IOException;
}
