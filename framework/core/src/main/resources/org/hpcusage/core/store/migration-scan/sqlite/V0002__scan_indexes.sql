-- The indexes the queries use, built once the rows are in (building them costs more than
-- loading the rows, so fewer is a faster import). Kept from the reference's list (fs-scans §4.2):
-- depth (MIN(depth), depth filters), (parent_id, name) (path resolution, the recursive walk),
-- total_size_r and file_count_r (the default and the usual sort keys), (owner_uid, total_size_r)
-- and (owner_gid, total_size_r) (-u/-g listings; their prefixes also serve owner_uid/owner_gid).
-- Left out, and built by ScanQueries on first use instead (ScanIndexes): the rare sort keys
-- size_nr, files_nr, dirs_nr, dirs_r and the -u/-g listings by file count.
-- The reference's six scope indexes anc_d2 .. anc_d7 are one composite index here: a scope at
-- level L is also equal on its own ancestors' columns, so "anc_d2 = a2 AND ... AND anc_dL = X"
-- is an equality prefix of (anc_d2, ..., anc_d7), and one sort replaces six.
CREATE INDEX ix_access_hist_uid ON access_histogram (owner_uid);
CREATE INDEX ix_access_hist_bucket ON access_histogram (bucket_index);
CREATE INDEX ix_size_hist_uid ON size_histogram (owner_uid);
CREATE INDEX ix_size_hist_bucket ON size_histogram (bucket_index);
CREATE INDEX ix_directories_depth ON directories (depth);
CREATE UNIQUE INDEX uq_dir_parent_name ON directories (parent_id, name);
CREATE INDEX ix_stats_total_size_r ON directory_stats (total_size_r);
CREATE INDEX ix_stats_file_count_r ON directory_stats (file_count_r);
CREATE INDEX ix_stats_owner_size ON directory_stats (owner_uid, total_size_r);
CREATE INDEX ix_stats_group_size ON directory_stats (owner_gid, total_size_r);
CREATE INDEX ix_stats_scope ON directory_stats (anc_d2, anc_d3, anc_d4, anc_d5, anc_d6, anc_d7);
