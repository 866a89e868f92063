package org.hpcusage.spi.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.pf4j.ExtensionPoint;

/**
 * Produces entries by walking a live tree instead of reading a scan file (a POSIX walk).
 *
 * @since 0.1
 */
public interface ScanSource extends ExtensionPoint {

    /** The source name used with {@code fs scan --source} ("posix"): unique, lower case. @since 0.1 */
    String name();

    /**
     * Walks {@code root} (listed itself, as a directory entry) with up to {@code threads} threads;
     * times become naive local time in {@code zone}.
     * The sink is not thread-safe: implementations call it from one thread at a time. Entries
     * that cannot be read (permission denied, vanished) go to {@link EntrySink#reject}.
     *
     * @since 0.1
     */
    void scan(Path root, int threads, ZoneId zone, EntrySink sink) throws IOException;
}
