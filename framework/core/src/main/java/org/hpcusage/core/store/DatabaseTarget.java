package org.hpcusage.core.store;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a store lives: an SQLite file or a PostgreSQL JDBC URL, as given by {@code --db}.
 *
 * @param dialect    which database
 * @param jdbcUrl    the JDBC URL to connect with (may hold a password)
 * @param sqliteFile the file for SQLite, null otherwise
 */
public record DatabaseTarget(Dialect dialect, String jdbcUrl, Path sqliteFile) {

    private static final Pattern SECRET = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@]*:)[^@/]*@");

    /** A file path, {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}. */
    public static DatabaseTarget parse(String spec) {
        if (spec.startsWith("jdbc:postgresql:")) {
            return new DatabaseTarget(Dialect.POSTGRESQL, spec, null);
        }
        if (spec.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(spec.substring("jdbc:sqlite:".length())).toAbsolutePath();
            return sqlite(file);
        }
        if (spec.startsWith("jdbc:")) {
            throw new IllegalArgumentException("unsupported database URL (use an SQLite file or jdbc:postgresql://...)");
        }
        return sqlite(Path.of(spec).toAbsolutePath());
    }

    public static DatabaseTarget sqlite(Path file) {
        return new DatabaseTarget(Dialect.SQLITE, "jdbc:sqlite:" + file, file);
    }

    /** The URL with any password replaced by {@code ***}: safe to print and log. */
    public String display() {
        if (sqliteFile != null) {
            return sqliteFile.toString();
        }
        String masked = SECRET.matcher(jdbcUrl).replaceAll("$1***");
        return USERINFO.matcher(masked).replaceAll("$1***@");
    }

    @Override
    public String toString() {
        return display();
    }
}
