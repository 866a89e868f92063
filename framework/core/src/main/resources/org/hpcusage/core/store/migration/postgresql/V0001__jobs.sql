-- Jobs store, schema of the reference (job-history.md §4) with a machine column so that one
-- store holds every machine. Instants are UTC epoch seconds; end_day is the machine-local
-- calendar day of "end" as yyyymmdd, computed at ingest so grouping needs no date functions.
CREATE TABLE machines (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_machines_name ON machines (name);

CREATE TABLE users (id BIGSERIAL PRIMARY KEY, username TEXT NOT NULL);
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE TABLE accounts (id BIGSERIAL PRIMARY KEY, account_name TEXT NOT NULL);
CREATE UNIQUE INDEX ix_accounts_account_name ON accounts (account_name);
CREATE TABLE queues (id BIGSERIAL PRIMARY KEY, queue_name TEXT NOT NULL);
CREATE UNIQUE INDEX ix_queues_queue_name ON queues (queue_name);
CREATE TABLE job_qos (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    factor DOUBLE PRECISION NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE UNIQUE INDEX ix_job_qos_name ON job_qos (name);

CREATE TABLE jobs (
    id BIGINT PRIMARY KEY,
    machine_id BIGINT NOT NULL REFERENCES machines (id),
    job_id TEXT NOT NULL,
    short_id BIGINT,
    name TEXT,
    priority TEXT,
    status TEXT,
    submit BIGINT,
    queued BIGINT,
    eligible BIGINT,
    start BIGINT,
    "end" BIGINT,
    end_day INTEGER,
    elapsed BIGINT,
    walltime BIGINT,
    eligible_secs BIGINT,
    run_count INTEGER,
    numcpus INTEGER,
    numgpus INTEGER,
    numnodes INTEGER,
    mpiprocs INTEGER,
    ompthreads INTEGER,
    reqmem BIGINT,
    memory BIGINT,
    vmemory BIGINT,
    cputype TEXT,
    gputype TEXT,
    resources TEXT,
    user_id BIGINT REFERENCES users (id),
    account_id BIGINT REFERENCES accounts (id),
    queue_id BIGINT REFERENCES queues (id),
    qos_id BIGINT REFERENCES job_qos (id)
);
-- Identity is (job_id, submit) per machine: scheduler ids wrap around over the years.
CREATE UNIQUE INDEX uq_jobs_machine_job_id_submit ON jobs (machine_id, job_id, submit);
CREATE INDEX ix_jobs_machine_end_day ON jobs (machine_id, end_day);
CREATE INDEX ix_jobs_machine_short_id ON jobs (machine_id, short_id);
CREATE INDEX ix_jobs_user_id ON jobs (user_id);
CREATE INDEX ix_jobs_account_id ON jobs (account_id);
CREATE INDEX ix_jobs_queue_id ON jobs (queue_id);

CREATE TABLE job_charges (
    job_id BIGINT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    cpu_hours DOUBLE PRECISION NOT NULL,
    gpu_hours DOUBLE PRECISION NOT NULL,
    memory_hours DOUBLE PRECISION NOT NULL,
    charge_version INTEGER,
    qos_factor DOUBLE PRECISION NOT NULL
);

-- Trained zstd dictionaries, one current per machine; records name the one they need.
CREATE TABLE record_dictionaries (
    id BIGSERIAL PRIMARY KEY,
    machine_id BIGINT NOT NULL REFERENCES machines (id),
    sample_count INTEGER NOT NULL,
    dictionary BYTEA NOT NULL
);

-- The original accounting record of every job, compressed: codec 1 = gzip, 2 = zstd,
-- 3 = zstd with the dictionary dict_id.
CREATE TABLE job_records (
    job_id BIGINT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    codec INTEGER NOT NULL,
    dict_id BIGINT REFERENCES record_dictionaries (id),
    compressed_data BYTEA NOT NULL
);

CREATE TABLE daily_summary (
    id BIGSERIAL PRIMARY KEY,
    machine_id BIGINT NOT NULL REFERENCES machines (id),
    date TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id),
    account_id BIGINT REFERENCES accounts (id),
    queue_id BIGINT REFERENCES queues (id),
    qos_id BIGINT REFERENCES job_qos (id),
    job_count INTEGER,
    cpu_hours DOUBLE PRECISION,
    gpu_hours DOUBLE PRECISION,
    memory_hours DOUBLE PRECISION,
    cpu_charges DOUBLE PRECISION,
    gpu_charges DOUBLE PRECISION,
    memory_charges DOUBLE PRECISION
);
CREATE UNIQUE INDEX uq_daily_summary ON daily_summary (machine_id, date, user_id, account_id, queue_id);
CREATE INDEX ix_daily_summary_user_account ON daily_summary (user_id, account_id);

-- The ledger: one row per successfully synced unit (a day file), written in the same
-- transaction as the unit's jobs, so a unit is either wholly there or not at all.
CREATE TABLE sync_units (
    machine_id BIGINT NOT NULL REFERENCES machines (id),
    unit TEXT NOT NULL,
    source TEXT,
    source_bytes BIGINT,
    mode TEXT NOT NULL,
    fetched INTEGER NOT NULL,
    inserted INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    synced_at BIGINT NOT NULL,
    PRIMARY KEY (machine_id, unit)
);

INSERT INTO job_qos (name, factor, active) VALUES ('premium', 1.5, TRUE);
INSERT INTO job_qos (name, factor, active) VALUES ('regular', 1.0, TRUE);
INSERT INTO job_qos (name, factor, active) VALUES ('economy', 0.7, TRUE);
INSERT INTO job_qos (name, factor, active) VALUES ('uncharged', 0.0, TRUE);
INSERT INTO job_qos (name, factor, active) VALUES ('special', 1.0, TRUE);
