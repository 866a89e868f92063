package org.hpcusage.core.scan;

import java.util.List;

/**
 * The filters of {@code fs query} (reference §6.2). Null means "not given". Sizes are allocated
 * bytes; dates are {@code YYYY-MM-DD HH:MM:SS} cut-offs compared with the stored text.
 */
public record DirectoryQuery(Integer minDepth, Integer maxDepth, boolean singleOwner, Long ownerUid, Long ownerGid,
                             List<String> pathPrefixes, List<String> excludes, int limit, String sortBy,
                             String accessedBefore, String accessedAfter, boolean atimeNonRecursive,
                             boolean leavesOnly, List<String> namePatterns, boolean ignoreCase,
                             Long minSize, Long maxSize, Long minFiles, Long maxFiles, Long minAvgSize, Long maxAvgSize) {

    /** Everything, biggest first, no limit. */
    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, false, null, null, List.of(), List.of(), 0, "size", null, null, false,
                false, List.of(), false, null, null, null, null, null, null);
    }

    public DirectoryQuery withPrefixes(List<String> prefixes) {
        return new DirectoryQuery(minDepth, maxDepth, singleOwner, ownerUid, ownerGid, prefixes, excludes, limit, sortBy,
                accessedBefore, accessedAfter, atimeNonRecursive, leavesOnly, namePatterns, ignoreCase, minSize, maxSize,
                minFiles, maxFiles, minAvgSize, maxAvgSize);
    }

    /** The SQL ORDER BY of a sort key (reference §6.2), or null for an unknown key. */
    public static String orderBy(String key) {
        return switch (key) {
            case "size", "size_r" -> "s.total_size_r DESC";
            case "size_nr" -> "s.total_size_nr DESC";
            case "files", "files_r" -> "s.file_count_r DESC";
            case "files_nr" -> "s.file_count_nr DESC";
            case "dirs", "dirs_r" -> "s.dir_count_r DESC";
            case "dirs_nr" -> "s.dir_count_nr DESC";
            // newest first; NULL (no file below) last in both dialects
            // (x IS NULL) is the first key of the on-demand index ix_stats_atime_r (ScanIndexes)
            case "atime", "atime_r" -> "(s.max_atime_r IS NULL), s.max_atime_r DESC";
            case "path" -> "d.depth ASC, d.name ASC";
            case "depth" -> "d.depth DESC";
            default -> null;
        };
    }

    public static final List<String> SORT_KEYS = List.of("size", "size_r", "size_nr", "files", "files_r", "files_nr",
            "dirs", "dirs_r", "dirs_nr", "atime", "atime_r", "path", "depth");
}
