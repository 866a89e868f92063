package org.hpcusage.core.query;

/**
 * One histogram band: values {@code lo..hi} inclusive; {@code lo == null} is open below (only the
 * signed {@code memory_wasted} axis has one), {@code hi == null} open above.
 */
public record Band(String label, Long lo, Long hi) {
}
