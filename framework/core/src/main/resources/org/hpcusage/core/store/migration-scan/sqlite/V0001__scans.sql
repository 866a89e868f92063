-- One file-system scan (one collection): the reference's fs-scans tables and column names.
-- Times are naive local text 'YYYY-MM-DD HH:MM:SS' (as the reference stores them); sizes are
-- allocated bytes. Indexes come in V0002, applied after the bulk load.
CREATE TABLE directories (
    dir_id    INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES directories (dir_id),
    name      TEXT NOT NULL,
    depth     INTEGER NOT NULL
);
CREATE TABLE directory_stats (
    dir_id        INTEGER PRIMARY KEY REFERENCES directories (dir_id),
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
    anc_d1 INTEGER, anc_d2 INTEGER, anc_d3 INTEGER, anc_d4 INTEGER, anc_d5 INTEGER,
    anc_d6 INTEGER, anc_d7 INTEGER, anc_d8 INTEGER, anc_d9 INTEGER
);
CREATE TABLE scan_metadata (
    scan_id           INTEGER PRIMARY KEY AUTOINCREMENT,
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
