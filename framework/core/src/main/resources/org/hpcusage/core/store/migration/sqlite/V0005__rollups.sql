-- Per-day rollups written by sync and import in the same transaction as daily_summary, so
-- reports and leaderboards read a few rows per (day, user) instead of every job, and keep
-- their answers after raw jobs are pruned (retention mode).

-- Jobs of one machine-local day per resource dimension (Dimension.code()), bucket, queue and
-- user: what the bucketed resource reports need (jobs, distinct users, waits, hours).
CREATE TABLE IF NOT EXISTS daily_buckets (
    machine_id INTEGER NOT NULL REFERENCES machines (id),
    end_day INTEGER NOT NULL,
    dimension INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    queue_id INTEGER NOT NULL REFERENCES queues (id),
    user_id INTEGER REFERENCES users (id),
    job_count INTEGER NOT NULL,
    wait_jobs INTEGER NOT NULL,
    wait_secs BIGINT NOT NULL,
    cpu_hours DOUBLE PRECISION NOT NULL,
    gpu_hours DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_daily_buckets ON daily_buckets (machine_id, dimension, end_day);

-- Jobs of one machine-local day per user and status: what the leaderboards need.
CREATE TABLE IF NOT EXISTS daily_user_usage (
    machine_id INTEGER NOT NULL REFERENCES machines (id),
    end_day INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    status TEXT,
    job_count INTEGER NOT NULL,
    cpu_seconds DOUBLE PRECISION NOT NULL,
    elapsed_seconds DOUBLE PRECISION NOT NULL,
    gpu_seconds DOUBLE PRECISION NOT NULL,
    gpu_elapsed_seconds DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_daily_user_usage ON daily_user_usage (machine_id, end_day);

-- daily_user_usage summed per machine-local month (yyyymm), rebuilt from it whenever a day of
-- the month is: the leaderboards read whole months from here and days only for the two months
-- in which their windows start.
CREATE TABLE IF NOT EXISTS monthly_user_usage (
    machine_id INTEGER NOT NULL REFERENCES machines (id),
    month INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    status TEXT,
    job_count INTEGER NOT NULL,
    cpu_seconds DOUBLE PRECISION NOT NULL,
    elapsed_seconds DOUBLE PRECISION NOT NULL,
    gpu_seconds DOUBLE PRECISION NOT NULL,
    gpu_elapsed_seconds DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_monthly_user_usage ON monthly_user_usage (machine_id, month);

-- Which days the rollups above hold, and under which definition (a signature of the bucket
-- tables): a report reads rollups only for windows whose every job day is listed with the
-- current signature, and scans jobs otherwise. pruned = 1 once the day's raw jobs were removed.
CREATE TABLE IF NOT EXISTS rollup_days (
    machine_id INTEGER NOT NULL REFERENCES machines (id),
    end_day INTEGER NOT NULL,
    signature TEXT NOT NULL,
    pruned INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (machine_id, end_day)
);
