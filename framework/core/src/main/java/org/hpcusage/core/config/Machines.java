package org.hpcusage.core.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.plugin.Extensions;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.spi.charging.ChargingRule;
import org.hpcusage.spi.site.MachineCatalog;
import org.hpcusage.spi.site.MachineDefinition;

/**
 * The machines this installation knows: plugins' built-in definitions with the site file laid
 * over them. The first one listed is the default for {@code -m}.
 */
public final class Machines {
    private final Map<String, MachineDefinition> definitions;
    private final Extensions extensions;

    public Machines(SiteConfig site, Extensions extensions) {
        this.extensions = extensions;
        Map<String, MachineDefinition> merged = new LinkedHashMap<>();
        for (MachineCatalog catalog : extensions.catalogs().all().values()) {
            for (MachineDefinition d : catalog.machines()) {
                merged.putIfAbsent(d.name(), d);
            }
        }
        site.machines().forEach((name, entry) -> merged.put(name, overlay(name, merged.get(name), entry)));
        this.definitions = merged;
    }

    private static MachineDefinition overlay(String name, MachineDefinition base, SiteConfig.MachineEntry e) {
        if (base == null) {
            base = new MachineDefinition(name, null, "UTC", null, Settings.empty(), null, Settings.empty());
        }
        // A different rule brings its own defaults: the base rule's parameters do not carry over.
        boolean sameRule = e.chargingRule() == null || e.chargingRule().equals(base.chargingRule());
        return new MachineDefinition(name,
                e.scheduler() != null ? e.scheduler() : base.scheduler(),
                e.timeZone() != null ? e.timeZone() : base.timeZone(),
                e.logPath() != null ? e.logPath() : base.logPath(),
                base.parser().overriddenBy(e.parser()),
                e.chargingRule() != null ? e.chargingRule() : base.chargingRule(),
                sameRule ? base.charging().overriddenBy(e.charging()) : e.charging(),
                base.reports().overriddenBy(e.reports()));
    }

    public List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    /** The machine {@code -m} means when it is not given. */
    public String defaultName() {
        if (definitions.isEmpty()) {
            throw new UserException("no machines are defined: add one to the site file or install a plugin that ships some");
        }
        return definitions.keySet().iterator().next();
    }

    public MachineDefinition definition(String name) {
        MachineDefinition d = definitions.get(name);
        if (d == null) {
            throw new UserException("unknown machine '" + name + "' (known: " + String.join(", ", definitions.keySet()) + ")");
        }
        return d;
    }

    /** The machine with its parser and charging rule built; bad parameters are one-line errors. */
    public Machine resolve(String name) {
        return resolve(definition(name));
    }

    /**
     * The machine to import saved accounting files into. {@code scheduler} (may be null) names
     * the files' format when it is not the machine's own; a machine the site file does not know
     * needs it, and is then read in UTC and charged with that scheduler's default rule.
     */
    public Machine resolveForImport(String name, String scheduler) {
        MachineDefinition d = definitions.get(name);
        if (d == null) {
            if (scheduler == null) {
                throw new UserException("unknown machine '" + name + "' (known: " + String.join(", ", definitions.keySet())
                        + "); give --scheduler to import it with that scheduler's default charging rule");
            }
            d = new MachineDefinition(name, scheduler, "UTC", null, Settings.empty(), null, Settings.empty());
        } else if (scheduler != null && !scheduler.equals(d.scheduler())) {
            d = new MachineDefinition(d.name(), scheduler, d.timeZone(), d.logPath(), d.parser(), d.chargingRule(),
                    d.charging());
        }
        if (d.chargingRule() == null && d.scheduler() != null) {
            String rule = extensions.parsers().get(d.scheduler()).defaultChargingRule();
            if (rule != null) {
                d = new MachineDefinition(d.name(), d.scheduler(), d.timeZone(), d.logPath(), d.parser(), rule, d.charging());
            }
        }
        return resolve(d);
    }

    private Machine resolve(MachineDefinition d) {
        String name = d.name();
        if (d.scheduler() == null) {
            throw new UserException("machine '" + name + "' has no scheduler in the site file");
        }
        if (d.chargingRule() == null) {
            throw new UserException("machine '" + name + "' has no charging rule in the site file");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(d.timeZone());
        } catch (DateTimeException e) {
            throw new UserException("machine '" + name + "': unknown time zone '" + d.timeZone() + "'");
        }
        AccountingParser parser = extensions.parsers().get(d.scheduler());
        ChargingRule rule;
        try {
            rule = extensions.chargingRules().get(d.chargingRule()).create(d.charging());
        } catch (IllegalArgumentException e) {
            throw new UserException("machine '" + name + "', charging rule '" + d.chargingRule() + "': " + e.getMessage());
        }
        return new Machine(d, zone, parser, rule);
    }
}
