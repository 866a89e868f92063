package org.hpcusage.core.report.output;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The reference's output file base names (job-history §7.2), to pass to
 * {@link ReportWriter#write}. An omitted date is spelt {@code None}, as the reference prints it
 * (e.g. {@code Ca_pie_facility_gpu_None_None}).
 */
public final class ReportFileNames {

    private ReportFileNames() {
    }

    /**
     * Resource reports: {@code <prefix>_<fileBase>_<start>_<end>}, where the prefix is
     * {@code All} for the machine {@code all} and otherwise the machine's first two letters
     * capitalised ({@code derecho} → {@code De}, {@code casper} → {@code Ca}).
     */
    public static String resource(String machine, String fileBase, LocalDate start, LocalDate end) {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(fileBase, "fileBase");
        return machinePrefix(machine) + "_" + fileBase + "_" + date(start) + "_" + date(end);
    }

    /** History and search reports: {@code <kind>_<start>_<end>}. */
    public static String of(String kind, LocalDate start, LocalDate end) {
        Objects.requireNonNull(kind, "kind");
        return kind + "_" + date(start) + "_" + date(end);
    }

    /** {@code All} for {@code all}; otherwise Python's {@code machine[:2].capitalize()}. */
    static String machinePrefix(String machine) {
        if (machine.equalsIgnoreCase("all")) {
            return "All";
        }
        String two = machine.length() <= 2 ? machine : machine.substring(0, 2);
        if (two.isEmpty()) {
            return two;
        }
        return two.substring(0, 1).toUpperCase(Locale.ROOT) + two.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String date(LocalDate date) {
        return date == null ? "None" : date.toString();
    }
}
