package org.hpcusage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.hpcusage.core.plugin.PluginHost;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.testkit.db.StoreDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built distribution folder and plugin jar, exercised as a user would. */
class DistributionIT {
    private static final List<String> TABLES = List.of("machines", "users", "accounts", "queues", "job_qos", "jobs",
            "job_charges", "job_records", "record_dictionaries", "daily_summary", "daily_buckets", "daily_user_usage",
            "monthly_user_usage", "rollup_days", "sync_units");

    @TempDir
    Path temp;

    private Path pbsJar() {
        return Launcher.builtDistribution().resolve("plugins/hpcusage-plugin-pbs.jar");
    }

    @Test
    void pluginJarHoldsOnlyItsOwnClassesAndLoadsThroughPf4j() throws Exception {
        try (JarFile jar = new JarFile(pbsJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("pbs", main.getValue("Plugin-Id"));
            assertNotNull(main.getValue("Plugin-Version"));
            assertTrue(main.getValue("Plugin-Requires").startsWith(">="));
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                String n = e.getName();
                assertFalse(n.startsWith("org/hpcusage/spi/") || n.startsWith("org/pf4j/")
                        || n.startsWith("com/google/inject/") || n.startsWith("jakarta/inject/")
                        || n.startsWith("org/slf4j/"), "host class bundled in the plugin: " + n);
            }
            JarEntry index = jar.getJarEntry("META-INF/extensions.idx");
            assertNotNull(index, "no extensions index");
            try (InputStream in = jar.getInputStream(index)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.contains("org.hpcusage.plugin.pbs.PbsAccountingParser"), text);
            }
        }
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.copy(pbsJar(), plugins.resolve("pbs.jar"));
        try (PluginHost host = PluginHost.start(List.of(plugins), "0.1.0")) {
            assertEquals(1, host.plugins().size());
            assertEquals("pbs", host.plugins().get(0).getPluginId());
            boolean fromPlugin = host.extensionClasses(AccountingParser.class).stream()
                    .anyMatch(c -> host.originOf(c).equals("plugin pbs"));
            assertTrue(fromPlugin, "the parser did not load through the plugin's class loader");
        }
    }

    @Test
    void aMovedCopyRunsFromAnyDirectoryAndTheWrappersTakeGlobalOptions() throws Exception {
        Path moved = temp.resolve("elsewhere/hpcusage");
        copyTree(Launcher.builtDistribution(), moved);
        deleteTree(moved.resolve("var/cds"));   // as unpacked from the tarball: no archives yet
        Path home = Files.createDirectories(temp.resolve("home"));
        Path cwd = Files.createDirectories(temp.resolve("cwd"));
        Launcher launcher = new Launcher(moved, home);

        Launcher.Result version = launcher.run(cwd, "hpcusage", "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("hpcusage "));

        Launcher.Result plugins = launcher.run(cwd, "hpcusage", "plugins", "list");
        assertEquals(0, plugins.exit(), plugins.err());
        assertTrue(plugins.out().contains("parser pbs") && plugins.out().contains("charging-rule node-exclusive"), plugins.out());
        // The first run of a command group has the JVM write its class-data archive for this
        // copy as it exits; the next run adopts and maps it and says the same, with nothing on
        // stderr (an archive of the original folder, copied along, would not fit this one's paths
        // and is not used).
        try (var archives = Files.list(moved.resolve("var/cds"))) {
            assertEquals(1, archives.filter(f -> f.getFileName().toString().matches("plugins-[0-9]+\\.jsa\\.[0-9]+\\.tmp")).count());
        }
        Launcher.Result again = launcher.run(cwd, "hpcusage", "plugins", "list");
        assertEquals(plugins.out(), again.out());
        assertEquals("", again.err());
        try (var archives = Files.list(moved.resolve("var/cds"))) {
            assertEquals(List.of("plugins"), archives.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("plugins-")).map(n -> n.matches("plugins-[0-9]+\\.jsa") ? "plugins" : n).toList());
        }

        String examples = moved.resolve("examples/pbs/derecho").toString();
        Launcher.Result sync = launcher.run(cwd, "jobhist-sync", "-m", "derecho", "-l", examples,
                "--start", "2026-01-01", "--end", "2026-01-02");
        assertEquals(0, sync.exit(), sync.err());
        assertTrue(sync.out().contains("Inserted: 120"), sync.out());
        assertTrue(Files.exists(home.resolve("data/jobs.db")), "the store belongs under HPCUSAGE_HOME");

        Launcher.Result json = launcher.run(cwd, "jobhist-history", "daily-summary", "--format", "json",
                "-m", "derecho", "--start-date", "2026-01-01");
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().startsWith("{\n  \"kind\": \"daily_summary\""), json.out());

        Launcher.Result resource = launcher.run(cwd, "jobhist-resource", "cpu-job-sizes", "-m", "derecho",
                "--start-date", "2026-01-01", "--output-dir", "out");
        assertEquals(0, resource.exit(), resource.err());
        assertTrue(Files.isRegularFile(cwd.resolve("out/De_cpu_job_sizes_2026-01-01_None.dat")), resource.out());
        // jobhist-search counts every job the sync inserted.
        Launcher.Result count = launcher.run(cwd, "jobhist-search", "--count", "-m", "derecho", "--format", "json");
        assertEquals(0, count.exit(), count.err());
        assertTrue(count.out().contains("\"job_count\": 120"), count.out());

        Launcher.Result bad = launcher.run(cwd, "hpcusage", "jobs", "sync", "--start", "2026-13-01");
        assertEquals(2, bad.exit());
        assertEquals(2, bad.err().lines().count(), bad.err());

        Launcher.Result missing = launcher.run(cwd, "hpcusage", "jobs", "sync", "-l", temp.resolve("none").toString(), "-d", "2026-01-01");
        assertEquals(1, missing.exit());
        assertEquals("hpcusage: log directory not found: " + temp.resolve("none"), missing.err().strip());
    }

    @Test
    void theReadmesMainJobRunsInACopyWithItsShippedSiteFileAndNoHomeSet() throws Exception {
        // Exactly the README's front door: HPCUSAGE_HOME unset, so the folder itself is home and
        // its shipped conf/hpcusage.yaml (comments only) is read.
        Path copy = temp.resolve("fresh/hpcusage");
        copyTree(Launcher.builtDistribution(), copy);
        assertTrue(Files.exists(copy.resolve("conf/hpcusage.yaml")));
        Launcher launcher = new Launcher(copy, null);
        Launcher.Result sync = launcher.run(temp, "hpcusage", "jobs", "sync", "-m", "derecho",
                "-l", copy.resolve("examples/pbs/derecho").toString(), "--start", "2026-01-01", "--end", "2026-01-02");
        assertEquals(0, sync.exit(), sync.err());
        assertTrue(Files.exists(copy.resolve("data/jobs.db")), "the store belongs under the folder when no home is set");
        Launcher.Result report = launcher.run(temp, "hpcusage", "jobs", "history", "daily-summary", "-m", "derecho",
                "--start-date", "2026-01-01", "--end-date", "2026-01-02");
        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().contains("2026-01-01") && report.out().contains("2026-01-02"), report.out());
    }

    @Test
    void twoPluginsClaimingOneNameStopTheProgramNamingBoth() throws Exception {
        Path extra = Files.createDirectories(temp.resolve("extra"));
        copyJarWithPluginId(pbsJar(), extra.resolve("pbs-copy.jar"), "pbs-copy");
        Launcher launcher = new Launcher(Launcher.builtDistribution(), Files.createDirectories(temp.resolve("home")));
        Launcher.Result r = launcher.run(temp, "hpcusage", "plugins", "list", "--plugins-dir", extra.toString());
        assertEquals(1, r.exit(), r.out());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("claimed twice") && line.contains("plugin pbs") && line.contains("plugin pbs-copy"), line);
    }

    @Test
    void aSyncKilledMidwayThenRunAgainLeavesTheStoreOfOneCleanRun() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Launcher launcher = new Launcher(Launcher.builtDistribution(), home);
        Path logs = temp.resolve("logs");
        Launcher.Result gen = launcher.run(temp, "hpcusage", "jobs", "generate", "-m", "derecho", "--days", "3",
                "--jobs", "20000", "-o", logs.toString());
        assertEquals(0, gen.exit(), gen.err());

        Path clean = temp.resolve("clean.db");
        String[] sync = {"jobs", "sync", "-m", "derecho", "-l", logs.toString(), "--start", "2026-01-01", "--end", "2026-01-03",
                "--batch-size", "200"};
        Launcher.Result once = launcher.run(temp, "hpcusage", concat(sync, "--db", clean.toString()));
        assertEquals(0, once.exit(), once.err());

        Path killed = temp.resolve("killed.db");
        Process child = launcher.builder(temp, "hpcusage", concat(sync, "--db", killed.toString()))
                .redirectOutput(temp.resolve("child.out").toFile()).redirectError(temp.resolve("child.err").toFile()).start();
        Path wal = temp.resolve("killed.db-wal");
        long deadline = System.nanoTime() + 120_000_000_000L;
        // Wait until a day's transaction is under way (its pages are in the WAL), then SIGKILL.
        while (child.isAlive() && (!Files.exists(wal) || Files.size(wal) < 4_000_000) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the sync finished before it could be killed; make the input larger");
        child.destroyForcibly().waitFor();

        Launcher.Result rerun = launcher.run(temp, "hpcusage", concat(sync, "--db", killed.toString()));
        assertEquals(0, rerun.exit(), rerun.err());
        assertEquals(StoreDump.dump("jdbc:sqlite:" + clean, TABLES, Set.of("synced_at", "source")),
                StoreDump.dump("jdbc:sqlite:" + killed, TABLES, Set.of("synced_at", "source")));
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static void copyJarWithPluginId(Path from, Path to, String id) throws IOException {
        try (JarFile in = new JarFile(from.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Plugin-Id", id);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), manifest)) {
                for (JarEntry e : java.util.Collections.list(in.entries())) {
                    if (e.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
