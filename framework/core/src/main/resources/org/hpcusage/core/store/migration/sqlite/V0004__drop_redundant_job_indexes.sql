-- Every job query is scoped to a machine, and V0002/V0003 added (machine_id, queue_id, ...),
-- (machine_id, user_id, end_day) and (machine_id, account_id, end_day), which serve each of
-- these single-column indexes' look-ups. Each index is maintained on every insert, and the sync
-- writer is bound by those inserts (docs/performance.md), so the three redundant ones go.
-- Indexes hold no data: dropping them loses nothing, and IF EXISTS keeps the script idempotent.
DROP INDEX IF EXISTS ix_jobs_user_id;
DROP INDEX IF EXISTS ix_jobs_account_id;
DROP INDEX IF EXISTS ix_jobs_queue_id;
