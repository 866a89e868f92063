package org.hpcusage.core.report.output;

import java.util.Locale;

/**
 * The {@code --format} choices of the reference (job-history §7.2). {@code table} is the
 * reference's {@code rich}, which is accepted as an alias.
 */
public enum OutputFormat {
    /** Aligned table for humans, on stdout. */
    TABLE("table", false, "txt"),
    /** The whole envelope as JSON, on stdout. */
    JSON("json", false, "json"),
    /** Raw values keyed by column key, to a file. */
    CSV("csv", true, "csv"),
    /** A Markdown table of formatted cells, to a file. */
    MD("md", true, "md"),
    /** The reference's fixed-width text, to a file. */
    DAT("dat", true, "dat"),
    /** Only the rows array as JSON, to a file. */
    JSON_FILE("json-file", true, "json");

    private static final String CHOICES = "table, json, csv, md, dat, json-file";

    private final String cliName;
    private final boolean writesFile;
    private final String extension;

    OutputFormat(String cliName, boolean writesFile, String extension) {
        this.cliName = cliName;
        this.writesFile = writesFile;
        this.extension = extension;
    }

    /**
     * The format named {@code name}, case-insensitively: {@code table} (alias {@code rich}),
     * {@code json}, {@code csv}, {@code md}, {@code dat}, {@code json-file}.
     *
     * @throws IllegalArgumentException for any other name, including {@code null}
     */
    public static OutputFormat parse(String name) {
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("rich")) {
                return TABLE;
            }
            for (OutputFormat format : values()) {
                if (format.cliName.equals(lower)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (choose from " + CHOICES + ")");
    }

    /** The name {@link #parse} accepts and the CLI shows. */
    public String cliName() {
        return cliName;
    }

    /** Whether the format is written to a file (csv, md, dat, json-file) rather than stdout. */
    public boolean writesFile() {
        return writesFile;
    }

    /**
     * The file extension without the dot: {@code dat}, {@code csv}, {@code md}, {@code json}
     * (json and json-file). {@code TABLE} is never written to a file by {@link ReportWriter}; it
     * answers {@code txt} so that the method is total.
     */
    public String extension() {
        return extension;
    }
}
