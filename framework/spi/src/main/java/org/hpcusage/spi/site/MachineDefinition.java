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
 * @param reports      parameters for reports: {@code cpu-queues} and {@code gpu-queues} (lists of
 *                     queue names the resource reports classify jobs by), {@code facilities}
 *                     (account-name prefix to facility, first match wins) and
 *                     {@code default-facility}; empty when the machine has none
 * @since 0.1
 */
public record MachineDefinition(String name, String scheduler, String timeZone, String logPath,
                                Settings parser, String chargingRule, Settings charging, Settings reports) {

    public MachineDefinition {
        parser = parser == null ? Settings.empty() : parser;
        charging = charging == null ? Settings.empty() : charging;
        reports = reports == null ? Settings.empty() : reports;
    }

    /** A machine without report parameters (the 0.1 shape). */
    public MachineDefinition(String name, String scheduler, String timeZone, String logPath,
                             Settings parser, String chargingRule, Settings charging) {
        this(name, scheduler, timeZone, logPath, parser, chargingRule, charging, Settings.empty());
    }
}
