package org.hpcusage.core.scoreboard;

import java.time.Instant;
import java.util.Locale;
import org.hpcusage.core.util.UserException;

/**
 * A leaderboard's time window. The reference counted whole calendar months ("30d" was two or
 * three months of data); these are exact: jobs that ended in the last 30 × 24 or 365 × 24 hours.
 */
public enum Window {
    ALLTIME("alltime", "alltime", 0),
    ROLLING_30D("rolling-30d", "30d", 30),
    ROLLING_365D("rolling-365d", "365d", 365);

    private final String key;
    private final String shortName;
    private final int days;

    Window(String key, String shortName, int days) {
        this.key = key;
        this.shortName = shortName;
        this.days = days;
    }

    /** The reference's file-name form: alltime, rolling-30d, rolling-365d. */
    public String key() {
        return key;
    }

    /** The TUI's form: alltime, 30d, 365d. */
    public String shortName() {
        return shortName;
    }

    /** The earliest end (epoch seconds) a job in the window may have at {@code now}; null = all time. */
    public Long since(Instant now) {
        return days == 0 ? null : now.getEpochSecond() - days * 86_400L;
    }

    public static Window of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Window w : values()) {
            if (w.key.equals(n) || w.shortName.equals(n)) {
                return w;
            }
        }
        throw new UserException("unknown window '" + name + "' (known: alltime, 30d, 365d)");
    }
}
