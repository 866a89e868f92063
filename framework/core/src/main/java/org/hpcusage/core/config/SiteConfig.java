package org.hpcusage.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.Settings;

/**
 * The site file ({@code conf/hpcusage.yaml} or {@code --config}): database, record codec,
 * the scoreboard's root folder and machine entries. Machine entries are partial: they are laid over the built-in definitions
 * plugins ship, field by field. See {@code conf/hpcusage.yaml} in the distribution for every key.
 */
public final class SiteConfig {

    private static final Set<String> TOP_KEYS = Set.of("database", "records", "machines", "scoreboard");
    private static final Set<String> SCOREBOARD_KEYS = Set.of("root");
    private static final Set<String> MACHINE_KEYS = Set.of("scheduler", "time-zone", "log-path", "parser", "charging", "reports");

    /** One machine's entry as written; null fields are not set by the file. */
    public record MachineEntry(String scheduler, String timeZone, String logPath, Settings parser,
                               String chargingRule, Settings charging, Settings reports) {
        public MachineEntry {
            reports = reports == null ? Settings.empty() : reports;
        }

        public MachineEntry(String scheduler, String timeZone, String logPath, Settings parser,
                            String chargingRule, Settings charging) {
            this(scheduler, timeZone, logPath, parser, chargingRule, charging, Settings.empty());
        }
    }

    private final Path source;
    private final String database;
    private final String recordCodec;
    private final Map<String, MachineEntry> machines;
    private final String scoreboardRoot;

    private SiteConfig(Path source, String database, String recordCodec, Map<String, MachineEntry> machines,
                       String scoreboardRoot) {
        this.source = source;
        this.database = database;
        this.recordCodec = recordCodec;
        this.machines = machines;
        this.scoreboardRoot = scoreboardRoot;
    }

    public static SiteConfig empty() {
        return new SiteConfig(null, null, "zstd", Map.of(), null);
    }

    /** Reads the file; a missing or malformed file is a one-line error. */
    public static SiteConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("site file not found: " + file);
        }
        Map<String, Object> root;
        try {
            // readTree, not readValue: a file of comments only (the shipped example) has no
            // document at all, which readValue refuses and a site file must allow.
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            JsonNode tree = yaml.readTree(file.toFile());
            root = tree == null || tree.isMissingNode() || tree.isNull()
                    ? Map.of() : asMap(yaml.treeToValue(tree, Object.class), "the file");
        } catch (IOException e) {
            throw new UserException(file + ": not valid YAML: " + firstLine(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new UserException(file + ": " + e.getMessage());
        }
        try {
            checkKeys(root, TOP_KEYS, "top level");
            String database = root.get("database") == null ? null : root.get("database").toString();
            Map<String, Object> records = root.get("records") == null ? Map.of() : asMap(root.get("records"), "records");
            String codec = records.get("codec") == null ? "zstd" : records.get("codec").toString();
            if (!codec.equals("zstd") && !codec.equals("gzip")) {
                throw new IllegalArgumentException("records.codec must be zstd or gzip, not '" + codec + "'");
            }
            Map<String, MachineEntry> machines = new LinkedHashMap<>();
            Map<String, Object> machineMap = root.get("machines") == null ? Map.of() : asMap(root.get("machines"), "machines");
            for (Map.Entry<String, Object> e : machineMap.entrySet()) {
                machines.put(e.getKey(), machine(e.getKey(), e.getValue() == null ? Map.of() : asMap(e.getValue(), "machines." + e.getKey())));
            }
            Map<String, Object> scoreboard = root.get("scoreboard") == null ? Map.of()
                    : asMap(root.get("scoreboard"), "scoreboard");
            checkKeys(scoreboard, SCOREBOARD_KEYS, "scoreboard");
            return new SiteConfig(file, database, codec, machines, str(scoreboard.get("root")));
        } catch (IllegalArgumentException e) {
            throw new UserException(file + ": " + e.getMessage());
        }
    }

    private static MachineEntry machine(String name, Map<String, Object> m) {
        checkKeys(m, MACHINE_KEYS, "machines." + name);
        Map<String, Object> charging = m.get("charging") == null ? Map.of() : asMap(m.get("charging"), "machines." + name + ".charging");
        Map<String, Object> params = new LinkedHashMap<>(charging);
        Object rule = params.remove("rule");
        Map<String, Object> parser = m.get("parser") == null ? Map.of() : asMap(m.get("parser"), "machines." + name + ".parser");
        Map<String, Object> reports = m.get("reports") == null ? Map.of() : asMap(m.get("reports"), "machines." + name + ".reports");
        return new MachineEntry(str(m.get("scheduler")), str(m.get("time-zone")), str(m.get("log-path")),
                Settings.of(parser), str(rule), Settings.of(params), Settings.of(reports));
    }

    private static void checkKeys(Map<String, Object> map, Set<String> allowed, String where) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' at " + where + " (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + " must be a map");
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public Path source() { return source; }
    public String database() { return database; }
    public String recordCodec() { return recordCodec; }
    public Map<String, MachineEntry> machines() { return machines; }
    /** The scoreboard's root folder ({@code scoreboard.root}), or null. */
    public String scoreboardRoot() { return scoreboardRoot; }
}
