-- Indexes for jobs search and the aggregations (org.hpcusage.core.query). Only additions.
-- Newest-first search pages (ORDER BY "end" DESC NULLS LAST, id DESC) walk this index and stop.
CREATE INDEX IF NOT EXISTS ix_jobs_machine_end ON jobs (machine_id, "end" DESC NULLS LAST, id DESC);
-- User- and account-scoped windows (a user's month) read only their own rows.
CREATE INDEX IF NOT EXISTS ix_jobs_machine_user_end_day ON jobs (machine_id, user_id, end_day);
CREATE INDEX IF NOT EXISTS ix_jobs_machine_account_end_day ON jobs (machine_id, account_id, end_day);
-- Job-id prefixes are byte ranges; under the database's collation they would not be.
CREATE INDEX IF NOT EXISTS ix_jobs_machine_job_id_c ON jobs (machine_id, job_id COLLATE "C");
