package org.hpcusage.core.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User and group names of the importing host, read from passwd and group files (the reference
 * asks the host's passwd database; a JVM cannot call getpwuid, and the files cover local and
 * most synced directories). Missing files give no names: ids are then shown as numbers.
 */
public final class HostAccounts {

    /** A passwd entry: login and the first GECOS field (null when empty). */
    public record User(String name, String fullName) {
    }

    private final Map<Long, User> users = new HashMap<>();
    private final Map<Long, String> groups = new HashMap<>();
    private final Map<String, Long> uidsByName = new HashMap<>();
    private final Map<String, Long> gidsByName = new HashMap<>();

    public static HostAccounts system() {
        return new HostAccounts(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    public static HostAccounts none() {
        return new HostAccounts(null, null);
    }

    public HostAccounts(Path passwd, Path group) {
        for (String line : lines(passwd)) {
            String[] f = line.split(":", -1);
            if (f.length >= 5) {
                Long uid = id(f[2]);
                if (uid != null) {
                    String gecos = f[4].split(",", -1)[0];
                    users.putIfAbsent(uid, new User(f[0], gecos.isEmpty() ? null : gecos));
                    uidsByName.putIfAbsent(f[0], uid);
                }
            }
        }
        for (String line : lines(group)) {
            String[] f = line.split(":", -1);
            if (f.length >= 3) {
                Long gid = id(f[2]);
                if (gid != null) {
                    groups.putIfAbsent(gid, f[0]);
                    gidsByName.putIfAbsent(f[0], gid);
                }
            }
        }
    }

    private static List<String> lines(Path file) {
        if (file == null || !Files.isReadable(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Long id(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public User user(long uid) {
        return users.get(uid);
    }

    public String group(long gid) {
        return groups.get(gid);
    }

    public Long uidOf(String name) {
        return uidsByName.get(name);
    }

    public Long gidOf(String name) {
        return gidsByName.get(name);
    }
}
