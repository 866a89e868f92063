package org.hpcusage.plugin.pbs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hpcusage.spi.Settings;

/**
 * Which QoS a job runs under and what that QoS's charge factor is (reference §5.2), shared by
 * every charging rule of this plugin.
 *
 * <p>Resolution, queue and priority lower-cased, null read as empty: a queue listed in
 * {@code queue-qos} gets that QoS; otherwise a priority listed in {@code priority-qos} gets that
 * QoS; anything else (empty, {@code none}, unknown) gets {@code default-qos}. The built-in
 * defaults are the reference's seeds: factors premium 1.5, regular 1.0, economy 0.7, uncharged
 * 0.0, special 1.0; queue {@code jhublogin} is uncharged; the priorities premium, regular,
 * economy and special name their own QoS; the default is regular.
 *
 * <p>{@code priority-qos} exists so that a QoS that only a queue can select (uncharged) is not
 * also reachable by a job that sets that word as its priority, exactly as in the reference.
 * Site maps are laid over the defaults key by key.
 */
final class QosPolicy {
    static final String QOS_FACTORS = "qos-factors";
    static final String QUEUE_QOS = "queue-qos";
    static final String PRIORITY_QOS = "priority-qos";
    static final String DEFAULT_QOS = "default-qos";
    static final Set<String> KEYS = Set.of(QOS_FACTORS, QUEUE_QOS, PRIORITY_QOS, DEFAULT_QOS);

    private static final Map<String, Double> DEFAULT_FACTORS = ordered(
            "premium", 1.5, "regular", 1.0, "economy", 0.7, "uncharged", 0.0, "special", 1.0);
    private static final Map<String, String> DEFAULT_QUEUE_QOS = Map.of("jhublogin", "uncharged");
    private static final Map<String, String> DEFAULT_PRIORITY_QOS = Map.of(
            "premium", "premium", "regular", "regular", "economy", "economy", "special", "special");

    private final Map<String, Double> factors;
    private final Map<String, String> queueQos;
    private final Map<String, String> priorityQos;
    private final String defaultQos;

    private QosPolicy(Map<String, Double> factors, Map<String, String> queueQos,
                      Map<String, String> priorityQos, String defaultQos) {
        this.factors = factors;
        this.queueQos = queueQos;
        this.priorityQos = priorityQos;
        this.defaultQos = defaultQos;
    }

    /** The policy with the reference's defaults. */
    static QosPolicy defaults() {
        return from("qos", Settings.empty());
    }

    /** Reads the four QoS parameters of {@code rule}'s settings (other keys are the rule's business). */
    static QosPolicy from(String rule, Settings settings) {
        Map<String, Double> factors = new LinkedHashMap<>(DEFAULT_FACTORS);
        settings.decimalMap(QOS_FACTORS).forEach((name, factor) -> {
            if (!(factor >= 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException(rule + ": " + QOS_FACTORS + "." + name
                        + " must be a finite number >= 0, not " + factor);
            }
            factors.put(lower(name), factor);
        });
        Map<String, String> queueQos = lowerMap(rule, QUEUE_QOS, DEFAULT_QUEUE_QOS, settings, factors);
        Map<String, String> priorityQos = lowerMap(rule, PRIORITY_QOS, DEFAULT_PRIORITY_QOS, settings, factors);
        String defaultQos = lower(settings.string(DEFAULT_QOS, "regular"));
        if (!factors.containsKey(defaultQos)) {
            throw new IllegalArgumentException(rule + ": " + DEFAULT_QOS + " '" + defaultQos
                    + "' is not in " + QOS_FACTORS + " " + factors.keySet());
        }
        return new QosPolicy(Map.copyOf(factors), Map.copyOf(queueQos), Map.copyOf(priorityQos), defaultQos);
    }

    private static Map<String, String> lowerMap(String rule, String key, Map<String, String> defaults,
                                                Settings settings, Map<String, Double> factors) {
        Map<String, String> out = new LinkedHashMap<>(defaults);
        settings.stringMap(key).forEach((name, qos) -> {
            String q = qos == null ? "" : lower(qos);
            if (!factors.containsKey(q)) {
                throw new IllegalArgumentException(rule + ": " + key + "." + name + " names QoS '" + qos
                        + "', which is not in " + QOS_FACTORS + " " + factors.keySet());
            }
            out.put(lower(name), q);
        });
        return out;
    }

    /** The QoS name for a job's queue and priority (either may be null). */
    String resolve(String queue, String priority) {
        if (queue != null) {
            String byQueue = queueQos.get(lower(queue));
            if (byQueue != null) {
                return byQueue;
            }
        }
        if (priority != null) {
            String byPriority = priorityQos.get(lower(priority));
            if (byPriority != null) {
                return byPriority;
            }
        }
        return defaultQos;
    }

    /** The charge factor of a resolved QoS name. */
    double factor(String qos) {
        return factors.get(qos);
    }

    private static String lower(String s) {
        // toLowerCase returns the same object when nothing changes: no garbage for usual names.
        return s.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return m;
    }
}
