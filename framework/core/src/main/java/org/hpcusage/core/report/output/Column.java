package org.hpcusage.core.report.output;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a report: the row key it shows, its header, its fixed width for the DAT format
 * and the Python format spec its cells are rendered with.
 *
 * <p>{@code width} is the DAT column width; {@code 0} means "last column, no padding". It is never
 * used to truncate. {@code format} is a Python format spec ({@code "s"}, {@code "d"},
 * {@code ".1f"}, {@code ".2f"}, {@code ".4f"} or {@code ""}); {@code null} is normalised to
 * {@code ""}. See {@link CellFormat} for the supported spec grammar.
 *
 * @param key    row key whose value the column shows
 * @param header column header (DAT, MD and table output)
 * @param width  DAT width, {@code >= 0}; {@code 0} = no padding
 * @param format Python format spec, {@code ""} for the plain string form
 */
public record Column(String key, String header, int width, String format) {

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        if (width < 0) {
            throw new IllegalArgumentException("column '" + key + "': width must be >= 0, got " + width);
        }
        format = format == null ? "" : format;
    }

    /**
     * A column whose width is raised to at least the header length (counted in code points, as
     * Python's {@code len}), as the reference does for the search columns. A width of {@code 0}
     * stays {@code 0}: it means "last column, no padding", and raising it would add padding.
     */
    public static Column fitted(String key, String header, int width, String format) {
        Objects.requireNonNull(header, "header");
        int fittedWidth = width == 0 ? 0 : Math.max(width, header.codePointCount(0, header.length()));
        return new Column(key, header, fittedWidth, format);
    }

    /** The column as the envelope shows it: {@code {key, header, width, format}} in that order. */
    public Map<String, Object> toEnvelope() {
        Map<String, Object> map = new LinkedHashMap<>(8);
        map.put("key", key);
        map.put("header", header);
        map.put("width", width);
        map.put("format", format);
        return map;
    }
}
