-- One file-system scan (one collection): the reference's fs-scans tables and column names.
-- Times are naive local text 'YYYY-MM-DD HH:MM:SS' (as the reference stores them); sizes are
-- allocated bytes. Indexes come in V0002, applied after the bulk load.
CREATE TABLE directories (
    dir_id    BIGINT PRIMARY KEY,
    parent_id BIGINT REFERENCES directories (dir_id),
    name      TEXT NOT NULL,
    depth     INTEGER NOT NULL
);
CREATE TABLE directory_stats (
    dir_id        BIGINT PRIMARY KEY REFERENCES directories (dir_id),
    file_count_nr BIGINT NOT NULL DEFAULT 0,
    total_size_nr BIGINT NOT NULL DEFAULT 0,
    dir_count_nr  BIGINT NOT NULL DEFAULT 0,
    max_atime_nr  TEXT,
    file_count_r  BIGINT NOT NULL DEFAULT 0,
    total_size_r  BIGINT NOT NULL DEFAULT 0,
    dir_count_r   BIGINT NOT NULL DEFAULT 0,
    max_atime_r   TEXT,
    owner_uid     BIGINT DEFAULT -1,
    owner_gid     BIGINT DEFAULT -1,
    anc_d1 BIGINT, anc_d2 BIGINT, anc_d3 BIGINT, anc_d4 BIGINT, anc_d5 BIGINT,
    anc_d6 BIGINT, anc_d7 BIGINT, anc_d8 BIGINT, anc_d9 BIGINT
);
CREATE TABLE scan_metadata (
    scan_id           BIGSERIAL PRIMARY KEY,
    source_file       TEXT NOT NULL,
    scan_timestamp    TEXT,
    import_timestamp  TEXT,
    filesystem        TEXT NOT NULL,
    total_directories BIGINT DEFAULT 0,
    total_files       BIGINT DEFAULT 0,
    total_size        BIGINT DEFAULT 0,
    format            TEXT,
    rejected_lines    BIGINT DEFAULT 0,
    orphan_files      BIGINT DEFAULT 0,
    mount_prefix      TEXT
);
CREATE TABLE owner_summary (
    owner_uid       BIGINT PRIMARY KEY,
    total_size      BIGINT,
    total_files     BIGINT,
    directory_count INTEGER
);
CREATE TABLE group_summary (
    owner_gid       BIGINT PRIMARY KEY,
    total_size      BIGINT,
    total_files     BIGINT,
    directory_count INTEGER
);
CREATE TABLE user_info (
    uid       BIGINT PRIMARY KEY,
    username  TEXT,
    full_name TEXT
);
CREATE TABLE group_info (
    gid       BIGINT PRIMARY KEY,
    groupname TEXT
);
CREATE TABLE access_histogram (
    owner_uid    BIGINT NOT NULL,
    bucket_index INTEGER NOT NULL,
    file_count   BIGINT,
    total_size   BIGINT,
    PRIMARY KEY (owner_uid, bucket_index)
);
CREATE TABLE size_histogram (
    owner_uid    BIGINT NOT NULL,
    bucket_index INTEGER NOT NULL,
    file_count   BIGINT,
    total_size   BIGINT,
    PRIMARY KEY (owner_uid, bucket_index)
);
