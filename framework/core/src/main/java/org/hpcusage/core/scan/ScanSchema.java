package org.hpcusage.core.scan;

import java.util.List;
import org.hpcusage.core.store.MigrationRunner.MigrationSet;

/** The scan store's migrations: tables first, indexes once the bulk load is done. */
public final class ScanSchema {
    private ScanSchema() {
    }

    private static final String FOLDER = "migration-scan";

    /** Just the tables: what an import writes into before its indexes exist. */
    public static final MigrationSet TABLES = new MigrationSet("scans", FOLDER, List.of("V0001__scans.sql"));

    /** Everything: a finished store. */
    public static final MigrationSet FULL = new MigrationSet("scans", FOLDER,
            List.of("V0001__scans.sql", "V0002__scan_indexes.sql"));

    /** Root-relative levels that have an ancestor column (anc_d1..anc_d9). */
    public static final int ANCESTOR_LEVELS = 9;
    /** Levels whose ancestor column is indexed, so scoped queries may use it. */
    public static final int SCOPE_MIN_LEVEL = 2;
    public static final int SCOPE_MAX_LEVEL = 7;
}
