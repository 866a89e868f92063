package org.hpcusage.core.scoreboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is left off every board (the reference specified but never implemented it, §6.5): users
 * on the opt-out list, and users with fewer than {@code minJobs} jobs in all time, so that a
 * near-anonymous account is not singled out.
 */
public record Privacy(Set<String> optedOut, int minJobs) {
    public static final int DEFAULT_MIN_JOBS = 3;

    public static Privacy none() {
        return new Privacy(Set.of(), 0);
    }

    /**
     * The opt-out list file: one user name a line, {@code #} comments and blank lines ignored,
     * compared lower-cased (the shape slurm-scoreboard.md §4.8 proposes). A missing file is an
     * empty list.
     */
    public static Set<String> readOptOut(Path file) {
        Set<String> users = new TreeSet<>();
        if (file == null || !Files.isRegularFile(file)) {
            return users;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    users.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return users;
    }

    boolean hides(String user, double allTimeJobs) {
        return optedOut.contains(user.toLowerCase(Locale.ROOT)) || allTimeJobs < minJobs;
    }
}
