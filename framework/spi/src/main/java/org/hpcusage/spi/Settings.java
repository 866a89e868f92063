package org.hpcusage.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable, typed view of a block of parameters from the site file (parser or charging-rule
 * parameters). Keys are kebab-case strings; values are what YAML gives: strings, numbers,
 * booleans, nested maps and lists.
 *
 * @since 0.1
 */
public final class Settings {
    private static final Settings EMPTY = new Settings(Map.of());

    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = values;
    }

    public static Settings empty() {
        return EMPTY;
    }

    public static Settings of(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return EMPTY;
        }
        return new Settings(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** This block with {@code overrides} laid over it; nested maps are merged key by key. */
    public Settings overriddenBy(Settings overrides) {
        if (overrides == null || overrides.values.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>(values);
        overrides.values.forEach((key, value) -> merged.merge(key, value, Settings::mergeValue));
        return of(merged);
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object base, Object over) {
        if (base instanceof Map<?, ?> b && over instanceof Map<?, ?> o) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) b);
            merged.putAll((Map<String, Object>) o);
            return merged;
        }
        return over;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public String string(String key, String defaultValue) {
        Object v = values.get(key);
        return v == null ? defaultValue : v.toString();
    }

    public int integer(String key, int defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
        }
    }

    public double decimal(String key, double defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        return toDouble(key, v);
    }

    /** A nested map of strings (e.g. queue name to QoS name); empty when absent. */
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        nested(key).forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        return Collections.unmodifiableMap(out);
    }

    /** A nested map of numbers (e.g. QoS name to factor); empty when absent. */
    public Map<String, Double> decimalMap(String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        nested(key).forEach((k, v) -> out.put(k, toDouble(key + "." + k, v)));
        return Collections.unmodifiableMap(out);
    }

    /** A list of strings (e.g. queue names); a single value is a list of one; empty when absent. */
    public java.util.List<String> stringList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return java.util.List.of();
        }
        if (v instanceof java.util.Collection<?> c) {
            java.util.List<String> out = new java.util.ArrayList<>(c.size());
            for (Object o : c) {
                if (o instanceof Map<?, ?> || o instanceof java.util.Collection<?>) {
                    throw new IllegalArgumentException(key + " must be a list of names");
                }
                out.add(String.valueOf(o));
            }
            return java.util.List.copyOf(out);
        }
        if (v instanceof Map<?, ?>) {
            throw new IllegalArgumentException(key + " must be a list of names");
        }
        return java.util.List.of(v.toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> nested(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(key + " must be a map");
    }

    private static double toDouble(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + v + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
