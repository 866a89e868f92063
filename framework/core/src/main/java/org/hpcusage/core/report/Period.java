package org.hpcusage.core.report;

import java.util.Locale;

/**
 * Reporting periods. Stored days are yyyymmdd integers in the machine's zone; a period key is
 * that number reduced by integer arithmetic (see HistoryMapper.xml), and the label is built
 * here, so labels and windows follow the same (machine-local) calendar.
 */
public enum Period {
    DAY, MONTH, QUARTER, YEAR;

    public static Period parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid period '" + name + "' (choose from day, month, quarter, year)");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label of a period key: 2026-01-31, 2026-01, 2026-Q1, 2026. */
    public String label(long key) {
        return switch (this) {
            case DAY -> String.format("%04d-%02d-%02d", key / 10_000, key / 100 % 100, key % 100);
            case MONTH -> String.format("%04d-%02d", key / 100, key % 100);
            case QUARTER -> String.format("%04d-Q%d", key / 10, key % 10);
            case YEAR -> String.format("%04d", key);
        };
    }
}
