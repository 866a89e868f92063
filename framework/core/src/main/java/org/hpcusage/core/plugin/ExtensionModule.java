package org.hpcusage.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.util.List;
import org.hpcusage.spi.accounting.AccountingGenerator;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.spi.accounting.AccountingSource;
import org.hpcusage.spi.charging.ChargingRuleFactory;
import org.hpcusage.spi.scan.ScanParser;
import org.hpcusage.spi.scan.ScanSource;
import org.hpcusage.spi.site.MachineCatalog;

/**
 * Lets Guice build every extension PF4J found, so extensions get constructor injection. Only
 * classes come from PF4J (its getExtensions() would make new instances per call, without DI).
 */
public final class ExtensionModule extends AbstractModule {

    /** Every extension point of the SPI. */
    public static final List<Class<?>> POINTS = List.of(AccountingParser.class, AccountingGenerator.class,
            ChargingRuleFactory.class, MachineCatalog.class, ScanParser.class, ScanSource.class, AccountingSource.class);

    private final PluginHost host;

    public ExtensionModule(PluginHost host) {
        this.host = host;
    }

    @Override
    protected void configure() {
        bind(PluginHost.class).toInstance(host);
        for (Class<?> point : POINTS) {
            bindAll(point);
        }
    }

    private <T> void bindAll(Class<T> point) {
        Multibinder<T> binder = Multibinder.newSetBinder(binder(), point);
        for (Class<? extends T> cls : host.extensionClasses(point)) {
            binder.addBinding().to(cls);
        }
    }
}
