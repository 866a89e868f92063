package org.hpcusage.core.plugin;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hpcusage.core.util.UserException;

/**
 * Extensions of one point, by name. Two extensions claiming one name stop the program at start
 * with a message naming both, rather than one silently winning.
 */
public final class Registry<T> {
    private final String what;
    private final Map<String, T> byName;

    public Registry(String what, Iterable<? extends T> extensions, Function<T, String> name, PluginHost host) {
        this.what = what;
        Map<String, T> map = new TreeMap<>();
        for (T extension : extensions) {
            String key = name.apply(extension);
            T previous = map.putIfAbsent(key, extension);
            if (previous != null) {
                throw new UserException(what + " '" + key + "' is claimed twice: by "
                        + describe(previous, host) + " and by " + describe(extension, host));
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    private static String describe(Object extension, PluginHost host) {
        return extension.getClass().getName() + " (" + host.originOf(extension.getClass()) + ")";
    }

    public T get(String name) {
        T extension = byName.get(name);
        if (extension == null) {
            throw new UserException("unknown " + what + " '" + name + "'"
                    + (byName.isEmpty() ? " (no plugin provides one)" : " (available: " + String.join(", ", byName.keySet()) + ")"));
        }
        return extension;
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Map<String, T> all() {
        return byName;
    }
}
