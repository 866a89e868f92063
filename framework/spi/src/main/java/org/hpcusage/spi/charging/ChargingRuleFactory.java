package org.hpcusage.spi.charging;

import org.hpcusage.spi.Settings;
import org.pf4j.ExtensionPoint;

/**
 * Builds configured charging rules. A site runs several machines, each with its own rule and
 * parameters, so the extension is a factory and the rule is a plain object.
 *
 * @since 0.1
 */
public interface ChargingRuleFactory extends ExtensionPoint {

    /** The name the site file uses to pick this rule: unique, lower case. @since 0.1 */
    String name();

    /**
     * A rule with these parameters (cores per node, QoS factors, queue overrides, ...).
     * Unknown or malformed parameters throw {@link IllegalArgumentException} with a one-line
     * message. @since 0.1
     */
    ChargingRule create(Settings settings);
}
