package org.hpcusage.core.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Timeseries bands (reference §8.6), on the machine's calendar: day, ISO week (Monday first), month. */
public enum BandPeriod {
    DAY, WEEK, MONTH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the band holding {@code day}. */
    LocalDate bandStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The last day of the band starting at {@code bandStart}. */
    LocalDate bandEnd(LocalDate bandStart) {
        return switch (this) {
            case DAY -> bandStart;
            case WEEK -> bandStart.plusDays(6);
            case MONTH -> bandStart.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** {@code 2026-01-05}, {@code 2026-W02} (ISO week-based year of the Monday), {@code 2026-01}. */
    String label(LocalDate bandStart) {
        return switch (this) {
            case DAY -> bandStart.toString();
            case WEEK -> String.format("%04d-W%02d", bandStart.get(IsoFields.WEEK_BASED_YEAR),
                    bandStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%04d-%02d", bandStart.getYear(), bandStart.getMonthValue());
        };
    }

    public static BandPeriod parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Invalid period: " + name + " (choose from day, week, month)");
        }
    }
}
