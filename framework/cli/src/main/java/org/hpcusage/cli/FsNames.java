package org.hpcusage.cli;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.scan.HostAccounts;
import org.hpcusage.core.scan.ScanReader;

/** uid/gid → name: the stores' name caches first, then this host's files, then the number. */
final class FsNames {
    private final Map<Long, String> users = new HashMap<>();
    private final Map<Long, String> groups = new HashMap<>();
    private final HostAccounts host;

    FsNames(List<ScanReader> readers, HostAccounts host) throws SQLException {
        this.host = host;
        for (ScanReader r : readers) {
            r.userNames().forEach(users::putIfAbsent);
            r.groupNames().forEach(groups::putIfAbsent);
        }
    }

    String user(long uid) {
        String name = users.get(uid);
        if (name == null) {
            HostAccounts.User u = host.user(uid);
            name = u == null ? Long.toString(uid) : u.name();
        }
        return name;
    }

    String group(long gid) {
        String name = groups.get(gid);
        if (name == null) {
            name = host.group(gid);
        }
        return name == null ? Long.toString(gid) : name;
    }

    /** The owner column: a name, "multiple" for several owners, "-" for no files. */
    String owner(Long uid) {
        if (uid == null) {
            return "multiple";
        }
        return uid < 0 ? "-" : user(uid);
    }

    /** A user given as a number or a name on this host. */
    static long uidOf(String text, HostAccounts host) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            Long uid = host.uidOf(text.strip());
            if (uid == null) {
                throw new org.hpcusage.core.util.UserException("Unknown user: " + text);
            }
            return uid;
        }
    }

    static long gidOf(String text, HostAccounts host) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            Long gid = host.gidOf(text.strip());
            if (gid == null) {
                throw new org.hpcusage.core.util.UserException("Unknown group: " + text);
            }
            return gid;
        }
    }
}
