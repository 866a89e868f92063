package org.hpcusage.spi.site;

import org.hpcusage.spi.Settings;

/**
 * How one machine is read and charged.
 *
 * @param name         machine name used on the command line and stored with every job (lower case)
 * @param scheduler    the {@code AccountingParser} to read its logs with ("pbs")
 * @param timeZone     IANA zone whose calendar days bound daily summaries and date windows
 * @param logPath      default accounting log location, or null
 * @param parser       parameters for the parser (e.g. default CPU type, queue-to-GPU-type map)
 * @param chargingRule the {@code ChargingRuleFactory} name
 * @param charging     parameters for the charging rule
 * @since 0.1
 */
public record MachineDefinition(String name, String scheduler, String timeZone, String logPath,
                                Settings parser, String chargingRule, Settings charging) {

    public MachineDefinition {
        parser = parser == null ? Settings.empty() : parser;
        charging = charging == null ? Settings.empty() : charging;
    }
}
