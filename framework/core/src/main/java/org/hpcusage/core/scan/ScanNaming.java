package org.hpcusage.core.scan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * What a scan's file name says, by the naming convention both reference pipelines use:
 * {@code YYYYMMDD_<server>_<collection>.<rest>} (GPFS {@code 20260111_csfs1_asp.list.list_all.log},
 * Lustre {@code 20260204_desc1_glade_p_archive.lfs-scan}). The server part has no '_', the
 * collection no '.'. Parsed by hand: it is one call per import, but no regex is needed either.
 */
public final class ScanNaming {
    private ScanNaming() {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** The collection name, lower-cased, or null when the name does not follow the convention. */
    public static String collection(String fileName) {
        if (!datePrefix(fileName)) {
            return null;
        }
        int serverEnd = fileName.indexOf('_', 9);
        if (serverEnd <= 9) {
            return null;
        }
        String server = fileName.substring(9, serverEnd);
        if (server.contains(".")) {
            return null;
        }
        int dot = fileName.indexOf('.', serverEnd + 1);
        if (dot <= serverEnd + 1) {
            return null;
        }
        return fileName.substring(serverEnd + 1, dot).toLowerCase(java.util.Locale.ROOT);
    }

    /** The scan date from the leading {@code YYYYMMDD_}, or null when absent or not a date. */
    public static LocalDate scanDate(String fileName) {
        if (!datePrefix(fileName)) {
            return null;
        }
        try {
            return LocalDate.parse(fileName.substring(0, 8), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean datePrefix(String name) {
        if (name.length() < 9 || name.charAt(8) != '_') {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
