package org.hpcusage.core.plugin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import org.hpcusage.spi.accounting.AccountingGenerator;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.spi.accounting.AccountingSource;
import org.hpcusage.spi.charging.ChargingRuleFactory;
import org.hpcusage.spi.scan.ScanParser;
import org.hpcusage.spi.scan.ScanSource;
import org.hpcusage.spi.site.MachineCatalog;

/** Every extension the plugins and the class path provide, indexed by name. */
@Singleton
public final class Extensions {
    private final Registry<AccountingParser> parsers;
    private final Registry<AccountingGenerator> generators;
    private final Registry<ChargingRuleFactory> chargingRules;
    private final Registry<MachineCatalog> catalogs;
    private final Registry<ScanParser> scanParsers;
    private final Registry<ScanSource> scanSources;
    private final Registry<AccountingSource> sources;

    @Inject
    public Extensions(PluginHost host, Set<AccountingParser> parsers, Set<AccountingGenerator> generators,
                      Set<ChargingRuleFactory> chargingRules, Set<MachineCatalog> catalogs,
                      Set<ScanParser> scanParsers, Set<ScanSource> scanSources, Set<AccountingSource> sources) {
        this.parsers = new Registry<>("scheduler parser", parsers, AccountingParser::scheduler, host);
        this.generators = new Registry<>("scheduler generator", generators, AccountingGenerator::scheduler, host);
        this.chargingRules = new Registry<>("charging rule", chargingRules, ChargingRuleFactory::name, host);
        this.catalogs = new Registry<>("machine catalog", catalogs, MachineCatalog::name, host);
        this.scanParsers = new Registry<>("scan format", scanParsers, ScanParser::format, host);
        this.scanSources = new Registry<>("scan source", scanSources, ScanSource::name, host);
        this.sources = new Registry<>("accounting source", sources, AccountingSource::scheduler, host);
    }

    public Registry<AccountingParser> parsers() { return parsers; }
    public Registry<AccountingGenerator> generators() { return generators; }
    public Registry<ChargingRuleFactory> chargingRules() { return chargingRules; }
    public Registry<MachineCatalog> catalogs() { return catalogs; }
    public Registry<ScanParser> scanParsers() { return scanParsers; }
    public Registry<ScanSource> scanSources() { return scanSources; }
    public Registry<AccountingSource> sources() { return sources; }
}
