package org.hpcusage.spi.scan;

import java.io.IOException;
import org.pf4j.ExtensionPoint;

/**
 * Turns one file-system scan file (a GPFS policy LIST, an {@code lfs find} listing) into
 * {@link FileEntry}s. Implementations stream: memory does not grow with the input.
 *
 * @since 0.1
 */
public interface ScanParser extends ExtensionPoint {

    /** The format name used with {@code fs import -F}: unique, lower case ("gpfs"). @since 0.1 */
    String format();

    /**
     * Whether {@code head} (the first few kilobytes of the file, possibly cut mid-line) looks like
     * this format. Cheap: used by {@code --format auto}. @since 0.1
     */
    boolean recognizes(byte[] head);

    /**
     * Reads the whole input and pushes every entry to {@code sink}. A line that cannot be read
     * goes to {@link EntrySink#reject} and parsing carries on; only I/O failures throw.
     *
     * @since 0.1
     */
    void parse(ScanInput input, EntrySink sink) throws IOException;

    /**
     * Writes {@code entry} as one line of this format, newline included: what generators and
     * {@code fs scan --output} use. Formats that cannot be written keep this default.
     *
     * @since 0.1
     */
    default void write(FileEntry entry, Appendable out) throws IOException {
        throw new UnsupportedOperationException("the " + format() + " scan format cannot be written");
    }
}
