package org.hpcusage.core;

import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.config.Machines;
import org.hpcusage.core.config.SiteConfig;
import org.hpcusage.core.plugin.ExtensionModule;
import org.hpcusage.core.plugin.Extensions;
import org.hpcusage.core.plugin.PluginHost;

/**
 * The real wiring for core tests: PF4J in class-path mode (the pbs plugin module is a test
 * dependency, so its extensions are found through its extensions.idx), Guice, and the
 * built-in machine definitions with no site file.
 */
public final class TestMachines {
    private static Machines machines;
    private static Extensions extensions;

    private TestMachines() {
    }

    public static synchronized Machines machines() {
        if (machines == null) {
            PluginHost host = PluginHost.start(List.of(), "0.1.0");
            extensions = Guice.createInjector(new ExtensionModule(host)).getInstance(Extensions.class);
            machines = new Machines(SiteConfig.empty(), extensions);
        }
        return machines;
    }

    public static synchronized Extensions extensions() {
        machines();
        return extensions;
    }

    public static Machine get(String name) {
        return machines().resolve(name);
    }

    /** {@code ../shared/data/pbs/<machine>} next to the repository, if this checkout has it. */
    public static Optional<Path> sharedPbsData(String machine) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("framework").toFile().isDirectory()) {
            dir = dir.getParent();
        }
        if (dir == null || dir.getParent() == null) {
            return Optional.empty();
        }
        Path data = dir.getParent().resolve("shared/data/pbs").resolve(machine);
        return data.toFile().isDirectory() ? Optional.of(data) : Optional.empty();
    }

    /** The folder of the hand-made day files under src/test/resources/pbs/derecho. */
    public static Path handMadeDerecho() {
        try {
            return Path.of(TestMachines.class.getResource("/pbs/derecho/20260101").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
