-- The reference's indexes (fs-scans §4.2), built once the rows are in; ix_stats_owner_uid and
-- ix_stats_owner_gid are left out: ix_stats_owner_size and ix_stats_group_size start with them;
-- likewise ix_directories_parent: uq_dir_parent_name starts with parent_id.
CREATE INDEX ix_access_hist_uid ON access_histogram (owner_uid);
CREATE INDEX ix_access_hist_bucket ON access_histogram (bucket_index);
CREATE INDEX ix_size_hist_uid ON size_histogram (owner_uid);
CREATE INDEX ix_size_hist_bucket ON size_histogram (bucket_index);
CREATE INDEX ix_directories_depth ON directories (depth);
CREATE UNIQUE INDEX uq_dir_parent_name ON directories (parent_id, name);
CREATE INDEX ix_stats_file_count_nr ON directory_stats (file_count_nr);
CREATE INDEX ix_stats_total_size_nr ON directory_stats (total_size_nr);
CREATE INDEX ix_stats_dir_count_nr ON directory_stats (dir_count_nr);
CREATE INDEX ix_stats_file_count_r ON directory_stats (file_count_r);
CREATE INDEX ix_stats_total_size_r ON directory_stats (total_size_r);
CREATE INDEX ix_stats_dir_count_r ON directory_stats (dir_count_r);
CREATE INDEX ix_stats_owner_size ON directory_stats (owner_uid, total_size_r);
CREATE INDEX ix_stats_owner_files ON directory_stats (owner_uid, file_count_r);
CREATE INDEX ix_stats_group_size ON directory_stats (owner_gid, total_size_r);
CREATE INDEX ix_stats_group_files ON directory_stats (owner_gid, file_count_r);
CREATE INDEX ix_stats_anc_d2 ON directory_stats (anc_d2);
CREATE INDEX ix_stats_anc_d3 ON directory_stats (anc_d3);
CREATE INDEX ix_stats_anc_d4 ON directory_stats (anc_d4);
CREATE INDEX ix_stats_anc_d5 ON directory_stats (anc_d5);
CREATE INDEX ix_stats_anc_d6 ON directory_stats (anc_d6);
CREATE INDEX ix_stats_anc_d7 ON directory_stats (anc_d7);
