package org.hpcusage.core.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.spi.charging.ChargingRule;
import org.hpcusage.spi.site.MachineDefinition;

/** A machine ready to use: its definition with the parser and charging rule it names. */
public record Machine(MachineDefinition definition, ZoneId zone, AccountingParser parser, ChargingRule rule) {

    public String name() {
        return definition.name();
    }

    /** The machine-local calendar day of an instant, as yyyymmdd. */
    public int dayOf(Instant instant) {
        return yyyymmdd(LocalDate.ofInstant(instant, zone));
    }

    public static int yyyymmdd(LocalDate day) {
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    /** The day a {@link #yyyymmdd} number stands for. */
    public static LocalDate day(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }
}
