-- Indexes for jobs search and the aggregations (org.hpcusage.core.query). Only additions.
-- Newest-first search pages walk this index and stop (SQLite's DESC puts NULLs last already).
CREATE INDEX IF NOT EXISTS ix_jobs_machine_end ON jobs (machine_id, "end");
-- User- and account-scoped windows (a user's month) read only their own rows.
CREATE INDEX IF NOT EXISTS ix_jobs_machine_user_end_day ON jobs (machine_id, user_id, end_day);
CREATE INDEX IF NOT EXISTS ix_jobs_machine_account_end_day ON jobs (machine_id, account_id, end_day);
