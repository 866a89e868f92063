package org.hpcusage.plugin.pbs;

/**
 * One synthetic job as {@link DayPlanner} draws it and {@link PbsRecordFormatter} writes it.
 * Plain mutable data: times are epoch seconds, memory is GB requested and KB used, as PBS logs
 * them.
 */
final class SyntheticJob implements Cloneable {
    static final int SCALAR = -1;
    static final int ARRAY_PARENT = -2;

    long id;
    /** {@link #SCALAR}, {@link #ARRAY_PARENT}, or the element's index. */
    int arrayIndex = SCALAR;
    /** For an array element, the parent that owns the id. */
    SyntheticJob parent;

    int user;
    String account;
    String name;
    QueueShape queue;
    String priority;

    int nodes;
    int ncpus;
    int ngpus;
    /** Cores per chunk in the select string. */
    int chunkCpus;
    int chunkGpus;
    /** Ranks per chunk, 0 when the select names none. */
    int mpiprocs;
    /** 0 when the select names none. */
    int ompthreads;
    /** Memory per chunk in GB, 0 when the select names none. */
    int chunkMemGb;
    /** Total request as written after {@code Resource_List.mem=} ("235gb", rarely "200mb"). */
    String mem;
    /** Total request in KB, for exec_vnode and resource_assigned. */
    long memKb;
    String select;
    int firstNode;
    int slot;

    long walltime;
    long ctime;
    long qtime;
    long etime;
    long start;
    long end;
    long elapsed;
    long eligibleSecs;
    /** An id distance to a job this one waits for (written as {@code depend=afterok:...}), or 0. */
    int dependsBack;
    boolean startZero;

    String status;
    int runCount;
    int session;
    int cpupercent;
    long cput;
    long usedMemKb;
    long usedVmemKb;
    /** Derecho's x-ncar energy counters: value then init, for cpu, total, gpu0..3, memory. */
    long[] energy;

    /** The formatter's cached {@code Resource_List} text, as the execution queue and the routing queue see it. */
    String resources;
    String resourcesRouting;

    /** Whether the job ends in the file (true) or is only queued or started in it. */
    boolean ends;

    SyntheticJob shifted(long seconds) {
        try {
            SyntheticJob j = (SyntheticJob) clone();
            j.ctime += seconds;
            j.qtime += seconds;
            j.etime += seconds;
            j.start += seconds;
            j.end += seconds;
            j.ends = false;
            return j;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
