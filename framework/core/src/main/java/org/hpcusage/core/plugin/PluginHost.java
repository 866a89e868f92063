package org.hpcusage.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * Finds and isolates plugins: jar files in the plugin folders, each in its own class loader.
 * Only PF4J's jar repository and loader are used (no zip unpacking, no development mode), and
 * the shared contract (SPI, injection annotations, Guice, logging API) always comes from the
 * host, so a plugin that bundles a copy by mistake still works. Built outside Guice: PF4J does
 * work in its constructor that must not see half-injected state.
 */
public final class PluginHost implements AutoCloseable {

    /** Packages a plugin must share with the host, never load itself. */
    private static final List<String> PARENT_FIRST = List.of("org.hpcusage.spi.", "jakarta.inject.",
            "com.google.inject.", "org.slf4j.");

    private final PluginManager manager;
    private final List<Path> roots;

    private PluginHost(PluginManager manager, List<Path> roots) {
        this.manager = manager;
        this.roots = roots;
    }

    /** Loads and starts the plugins found in {@code roots} (folders that do not exist are ignored). */
    public static PluginHost start(List<Path> roots, String systemVersion) {
        List<Path> existing = new ArrayList<>();
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            if (Files.isDirectory(abs) && !existing.contains(abs)) {
                existing.add(abs);
            }
        }
        PluginManager manager = new HostPluginManager(existing);
        manager.setSystemVersion(systemVersion);
        manager.loadPlugins();
        manager.startPlugins();
        return new PluginHost(manager, List.copyOf(existing));
    }

    public List<Path> roots() {
        return roots;
    }

    public List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /** Extension classes for a point, from plugins and from the class path. */
    public <T> List<Class<? extends T>> extensionClasses(Class<T> point) {
        return manager.getExtensionClasses(point);
    }

    /** Where an extension class came from: its plugin id, or "class path". */
    public String originOf(Class<?> extensionClass) {
        PluginWrapper plugin = manager.whichPlugin(extensionClass);
        return plugin == null ? "class path" : "plugin " + plugin.getPluginId();
    }

    @Override
    public void close() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }

    private static final class HostPluginManager extends DefaultPluginManager {
        HostPluginManager(List<Path> roots) {
            super(roots);
        }

        @Override
        protected PluginStatusProvider createPluginStatusProvider() {
            // With no plugin folder there is nowhere to keep enabled.txt/disabled.txt (PF4J
            // would throw "No pluginsRoot configured"); class-path extensions are all enabled.
            if (getPluginsRoots().isEmpty()) {
                return new PluginStatusProvider() {
                    public boolean isPluginDisabled(String pluginId) { return false; }
                    public void disablePlugin(String pluginId) { }
                    public void enablePlugin(String pluginId) { }
                };
            }
            return super.createPluginStatusProvider();
        }

        @Override
        protected PluginRepository createPluginRepository() {
            return new JarPluginRepository(getPluginsRoots());
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return new JarPluginLoader(this) {
                @Override
                public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                    PluginClassLoader loader = new SharedContractClassLoader(pluginManager, descriptor,
                            getClass().getClassLoader());
                    loader.addFile(pluginPath.toFile());
                    return loader;
                }
            };
        }
    }

    /** Plugin-first for the plugin's own classes, host-first for the shared contract. */
    private static final class SharedContractClassLoader extends PluginClassLoader {
        SharedContractClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
            super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
        }

        @Override
        public Class<?> loadClass(String className) throws ClassNotFoundException {
            for (String prefix : PARENT_FIRST) {
                if (className.startsWith(prefix)) {
                    return getParent().loadClass(className);
                }
            }
            return super.loadClass(className);
        }
    }
}
