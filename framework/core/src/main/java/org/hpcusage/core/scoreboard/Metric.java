package org.hpcusage.core.scoreboard;

import java.util.Locale;
import org.hpcusage.core.util.UserException;

/**
 * What a leaderboard ranks by: the reference's five metrics (slurm-scoreboard.md §6.1), in its
 * order, plus the job count it never stored.
 */
public enum Metric {
    CLOCK_HOURS("clock_hours"),
    ELAPSED_HOURS("elapsed_hours"),
    GPU_CLOCK_HOURS("gpu_clock_hours"),
    GPU_ELAPSED_HOURS("gpu_elapsed_hours"),
    FAILED_JOBS("failed_jobs"),
    JOBS("jobs");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    /** The name in file names, JSON and on the command line. */
    public String key() {
        return key;
    }

    public static Metric of(String name) {
        for (Metric m : values()) {
            if (m.key.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new UserException("unknown metric '" + name + "' (known: clock_hours, elapsed_hours, gpu_clock_hours, "
                + "gpu_elapsed_hours, failed_jobs, jobs)");
    }
}
