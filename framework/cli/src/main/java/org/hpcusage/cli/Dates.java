package org.hpcusage.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.commons.cli.CommandLine;

/** Date options: YYYY-MM-DD, anything else is a usage error. */
final class Dates {
    private Dates() {
    }

    static LocalDate option(CommandLine line, String name) {
        String value = line.getOptionValue(name);
        return value == null ? null : parse(name, value);
    }

    static LocalDate parse(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be in YYYY-MM-DD format, not '" + value + "'");
        }
    }
}
