-- The resource reports (jobs resource ...) select jobs by machine and queue, optionally by day,
-- and read only these columns: with them all in one index the scan never touches the wide job
-- rows (names, select strings), and the waits reports never leave the index.
CREATE INDEX ix_jobs_resource ON jobs (machine_id, queue_id, end_day, user_id, numnodes, numcpus, numgpus,
                                       reqmem, eligible_secs, elapsed, memory, mpiprocs, ompthreads);
