package org.hpcusage.core.config;

import java.nio.file.Path;

/**
 * Where hpcusage keeps things. {@code HPCUSAGE_HOME} (or the launcher's {@code hpcusage.home}
 * property) holds {@code data/}, {@code conf/} and site plugins; the launcher also passes the
 * installation folder as {@code hpcusage.app.home} for the bundled plugins.
 */
public record Home(Path home, Path appHome) {

    public static Home fromEnvironment() {
        String env = System.getenv("HPCUSAGE_HOME");
        String prop = System.getProperty("hpcusage.home");
        String app = System.getProperty("hpcusage.app.home");
        Path home = env != null && !env.isBlank() ? Path.of(env)
                : prop != null ? Path.of(prop)
                : Path.of(System.getProperty("user.home"), ".hpcusage");
        return new Home(home.toAbsolutePath().normalize(), app == null ? null : Path.of(app).toAbsolutePath().normalize());
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path defaultJobsDb() {
        return dataDir().resolve("jobs.db");
    }

    public Path siteFile() {
        return home.resolve("conf").resolve("hpcusage.yaml");
    }

    /** The bundled plugin folder and the home's own, in that order. */
    public java.util.List<Path> pluginDirs() {
        java.util.List<Path> dirs = new java.util.ArrayList<>();
        if (appHome != null) {
            dirs.add(appHome.resolve("plugins"));
        }
        Path own = home.resolve("plugins");
        if (!dirs.contains(own)) {
            dirs.add(own);
        }
        return dirs;
    }
}
