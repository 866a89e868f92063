package org.hpcusage.plugin.pbs;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.hpcusage.spi.Settings;

/**
 * Checked access to a charging rule's parameters: unknown keys and values of the wrong kind fail
 * with a one-line {@link IllegalArgumentException} naming the key, so a typo in a site file is
 * caught when the rule is built instead of silently charging with a default.
 */
final class RuleParameters {
    private final String rule;
    private final Settings settings;

    RuleParameters(String rule, Settings settings, Set<String> known) {
        this.rule = rule;
        this.settings = settings == null ? Settings.empty() : settings;
        for (String key : this.settings.asMap().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for charging rule "
                        + rule + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    Settings settings() {
        return settings;
    }

    /** A whole number of at least {@code min}. */
    int wholeNumber(String key, int defaultValue, int min) {
        Object v = settings.asMap().get(key);
        if (v == null) {
            return defaultValue;
        }
        double d = settings.decimal(key, defaultValue);
        if (d != Math.rint(d) || d < min || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(rule + ": " + key + " must be a whole number >= " + min + ", not '" + v + "'");
        }
        return (int) d;
    }

    /** A non-empty text, lower-cased (it is matched against lower-cased queue names). */
    String marker(String key, String defaultValue) {
        String v = settings.string(key, defaultValue).toLowerCase(Locale.ROOT);
        if (v.isBlank()) {
            throw new IllegalArgumentException(rule + ": " + key + " must not be empty");
        }
        return v;
    }
}
