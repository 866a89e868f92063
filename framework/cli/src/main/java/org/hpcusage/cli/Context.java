package org.hpcusage.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneOffset;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Home;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.spi.site.MachineDefinition;
import org.hpcusage.core.config.Machines;
import org.hpcusage.core.config.SiteConfig;
import org.hpcusage.core.config.StoreProvider;
import org.hpcusage.core.plugin.ExtensionModule;
import org.hpcusage.core.plugin.Extensions;
import org.hpcusage.core.plugin.PluginHost;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.ReportWriter;
import org.hpcusage.core.util.UserException;

/**
 * What a command runs with: streams, global options, the site, the plugins and the store.
 * Plugins load and the store opens only when a command first asks for them.
 */
final class Context implements AutoCloseable {
    static final String SPI_VERSION = Version.spi();

    private final PrintStream out;
    private final PrintStream err;
    private final GlobalOptions globals;
    private final Home home;
    private SiteConfig site;
    private PluginHost host;
    private Injector injector;
    private Machines machines;
    private StoreProvider store;

    Context(PrintStream out, PrintStream err, GlobalOptions globals, Home home) {
        this.out = out;
        this.err = err;
        this.globals = globals;
        this.home = home;
    }

    PrintStream out() { return out; }
    PrintStream err() { return err; }
    GlobalOptions globals() { return globals; }
    Home home() { return home; }

    OutputFormat format(OutputFormat fallback) {
        return globals.formatOr(fallback);
    }

    ReportWriter reports() {
        return new ReportWriter(out);
    }

    /** Progress bars go to stderr when it is a terminal, unless told otherwise. */
    boolean showProgress() {
        return globals.progress() != null ? globals.progress() : System.console() != null;
    }

    SiteConfig site() {
        if (site == null) {
            if (globals.config() != null) {
                site = SiteConfig.load(globals.config());
            } else if (Files.isRegularFile(home.siteFile())) {
                site = SiteConfig.load(home.siteFile());
            } else {
                site = SiteConfig.empty();
            }
        }
        return site;
    }

    PluginHost plugins() {
        if (host == null) {
            List<Path> roots = new ArrayList<>(home.pluginDirs());
            roots.addAll(globals.pluginDirs());
            for (Path dir : globals.pluginDirs()) {
                if (!Files.isDirectory(dir)) {
                    throw new UserException("plugin folder not found: " + dir);
                }
            }
            host = PluginHost.start(roots, SPI_VERSION);
        }
        return host;
    }

    Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(Stage.PRODUCTION, new ExtensionModule(plugins()));
        }
        return injector;
    }

    Extensions extensions() {
        try {
            return injector().getInstance(Extensions.class);
        } catch (ProvisionException e) {
            // e.g. two plugins claiming one name: report the one-line cause, not Guice's wrapper
            if (e.getCause() instanceof UserException cause) {
                throw cause;
            }
            throw e;
        }
    }

    Machines machines() {
        if (machines == null) {
            machines = new Machines(site(), extensions());
        }
        return machines;
    }

    StoreProvider store() {
        if (store == null) {
            store = new StoreProvider(globals.db(), site(), home);
        }
        return store;
    }

    /**
     * The machine a report is about: one the site file or a plugin defines, or one that is only
     * in the store (imported with {@code jobs import} under a name the site file does not know).
     * Reports need only its name; its jobs carry their machine-local days.
     */
    Machine reportMachine(String name) {
        if (machines().names().contains(name)) {
            return machines().resolve(name);
        }
        try (SqlSession session = store().jobs().reader()) {
            Long id = session.getMapper(LookupMapper.class).idOf(LookupTable.MACHINES.table(),
                    LookupTable.MACHINES.column(), name);
            if (id == null) {
                machines().definition(name); // the usual one-line "unknown machine" error
            }
        }
        return new Machine(new MachineDefinition(name, null, "UTC", null, null, null, null), ZoneOffset.UTC, null, null);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (host != null) {
            host.close();
        }
    }
}
