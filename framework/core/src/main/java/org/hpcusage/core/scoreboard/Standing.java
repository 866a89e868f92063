package org.hpcusage.core.scoreboard;

import java.util.EnumMap;
import java.util.Map;

/** One user's totals in one window, summed over every machine. */
public final class Standing {
    private final String user;
    private final Map<Metric, Double> values = new EnumMap<>(Metric.class);

    Standing(String user) {
        this.user = user;
        for (Metric m : Metric.values()) {
            values.put(m, 0.0);
        }
    }

    public String user() {
        return user;
    }

    public double value(Metric m) {
        return values.get(m);
    }

    void add(Metric m, double v) {
        values.merge(m, v, Double::sum);
    }
}
