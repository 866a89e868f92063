package org.hpcusage.plugin.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which column holds which sacct field: from a header line ({@code sacct -P} without {@code -n})
 * in whatever order it names them, or the reference's 13 fields in their order (§1.1) when the
 * input has no header. Field names are matched case-insensitively, as sacct's {@code -o} takes them.
 */
final class SacctLayout {
    /** The reference's field list, in order: the layout of a headerless dump. */
    static final List<String> REFERENCE_FIELDS = List.of("JobID", "User", "State", "ElapsedRaw", "AllocCPUS",
            "NNodes", "ReqMem", "MaxRSS", "AveRSS", "AllocTRES", "Submit", "Start", "End");

    final int width;
    final int jobId, user, state, elapsedRaw, elapsed, allocCpus, nodes, reqMem, maxRss, aveRss, allocTres,
            submit, start, end, account, partition, qos, jobName, timelimit, exitCode, eligible;

    private SacctLayout(List<String> names) {
        width = names.size();
        jobId = find(names, "jobid", "jobidraw");
        user = find(names, "user");
        state = find(names, "state");
        elapsedRaw = find(names, "elapsedraw");
        elapsed = find(names, "elapsed");
        allocCpus = find(names, "alloccpus", "ncpus");
        nodes = find(names, "nnodes", "allocnodes");
        reqMem = find(names, "reqmem");
        maxRss = find(names, "maxrss");
        aveRss = find(names, "averss");
        allocTres = find(names, "alloctres");
        submit = find(names, "submit");
        start = find(names, "start");
        end = find(names, "end");
        account = find(names, "account");
        partition = find(names, "partition");
        qos = find(names, "qos");
        jobName = find(names, "jobname");
        timelimit = find(names, "timelimit");
        exitCode = find(names, "exitcode");
        eligible = find(names, "eligible");
    }

    static SacctLayout reference() {
        return new SacctLayout(REFERENCE_FIELDS);
    }

    /** A header line's layout (a trailing empty name from {@code --parsable} is dropped). */
    static SacctLayout fromHeader(List<String> names) {
        List<String> n = new ArrayList<>(names);
        if (n.size() > 1 && n.get(n.size() - 1).isBlank()) {
            n.remove(n.size() - 1);
        }
        return new SacctLayout(n);
    }

    /** Whether a line is a header: one of its fields is the name JobID (no job id is). */
    static boolean isHeader(List<String> fields) {
        for (String field : fields) {
            String f = field.strip();
            if (f.equalsIgnoreCase("JobID") || f.equalsIgnoreCase("JobIDRaw")) {
                return true;
            }
        }
        return false;
    }

    /** The required fields this layout lacks, or "" when it has them all. */
    String missingRequired() {
        List<String> missing = new ArrayList<>();
        if (jobId < 0) {
            missing.add("JobID");
        }
        if (user < 0) {
            missing.add("User");
        }
        if (end < 0) {
            missing.add("End");
        }
        return String.join(", ", missing);
    }

    private static int find(List<String> names, String... wanted) {
        for (String w : wanted) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(w)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
