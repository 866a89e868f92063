package org.hpcusage.spi.scan;

import java.io.InputStream;
import java.time.ZoneId;

/**
 * One scan file handed to a parser.
 *
 * @param sourceName a name for messages, usually the file name
 * @param in         the raw bytes (decompressed by the core when needed); the core closes it.
 *                   Bytes, not text: paths are not required to be UTF-8.
 * @param zone       the zone in which epoch-second times become the naive local times the store
 *                   keeps (formats that write local time text ignore it)
 * @since 0.1
 */
public record ScanInput(String sourceName, InputStream in, ZoneId zone) {
}
