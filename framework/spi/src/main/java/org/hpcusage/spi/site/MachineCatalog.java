package org.hpcusage.spi.site;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Built-in machine definitions a plugin ships, so that known machines work with no site file.
 * A site file entry with the same machine name is laid over the built-in one.
 *
 * @since 0.1
 */
public interface MachineCatalog extends ExtensionPoint {

    /** A unique, lower-case name for this catalog ("ncar"). @since 0.1 */
    String name();

    /** The machines, in the order help and defaults should list them. @since 0.1 */
    List<MachineDefinition> machines();
}
