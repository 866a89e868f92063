package org.hpcusage.spi.accounting;

import java.io.BufferedReader;
import org.hpcusage.spi.Settings;

/**
 * One unit of accounting data handed to a parser.
 *
 * @param machine    the machine the records belong to (lower case, from the site file)
 * @param sourceName a name for messages, usually the file path
 * @param reader     the text, decoded as UTF-8 with malformed bytes replaced; the core closes it
 * @param settings   the machine's parser parameters from the site file (may be empty)
 * @since 0.1
 */
public record AccountingInput(String machine, String sourceName, BufferedReader reader, Settings settings) {
}
