package org.hpcusage.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hpcusage.core.config.Home;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.util.UserException;

/**
 * Where scan stores live: one SQLite file per collection, {@code <data dir>/<collection>.db},
 * with the data dir {@code $HPCUSAGE_HOME/data/fs} unless given (kept apart from the jobs store
 * so that "all collections" is simply every {@code *.db} there); or one PostgreSQL schema per
 * collection in the database a {@code jdbc:postgresql:} URL names.
 */
public final class ScanStores {
    private ScanStores() {
    }

    public static Path defaultDataDir(Home home) {
        return home.dataDir().resolve("fs");
    }

    public static Path file(Path dataDir, String collection) {
        return dataDir.resolve(collection.toLowerCase(Locale.ROOT) + ".db");
    }

    /** Collection name → file, for every {@code *.db} in the folder, sorted by name. */
    public static List<String> collections(Path dataDir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".db")).sorted()
                    .forEach(n -> out.add(n.substring(0, n.length() - 3)));
        } catch (IOException e) {
            throw new UserException("cannot list " + dataDir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** A collection name usable as a file name and a schema: letters, digits, '_', '-', '.'. */
    public static String checkName(String collection) {
        String lower = collection.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.startsWith(".") || !lower.chars().allMatch(ch -> Character.isLetterOrDigit(ch)
                || ch == '_' || ch == '-' || ch == '.')) {
            throw new UserException("bad collection name '" + collection + "' (letters, digits, '_', '-', '.')");
        }
        return lower;
    }

    public static boolean isPostgres(String spec) {
        return spec != null && spec.startsWith("jdbc:postgresql:");
    }

    public static DatabaseTarget target(String spec) {
        try {
            return DatabaseTarget.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UserException("--db: " + e.getMessage());
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
