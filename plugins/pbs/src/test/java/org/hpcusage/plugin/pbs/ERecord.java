package org.hpcusage.plugin.pbs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds E-record lines for tests: a short but complete Derecho-style record whose attributes a
 * test replaces or removes one at a time. Base values (hand-checked): ctime = qtime = etime =
 * 1769669942 (2026-01-29T06:59:02Z), start 1769669984 (06:59:44Z), end 1769670016 (07:00:16Z),
 * elapsed 00:00:24, queue cpu, 1 node of 128 cores.
 */
final class ERecord {
    private String time = "01/29/2026 00:00:16";
    private String id = "4779496.desched1";
    private final Map<String, String> attributes = new LinkedHashMap<>();

    ERecord() {
        attributes.put("user", "nghido");
        attributes.put("group", "ncar");
        attributes.put("account", "\"UCSD0047\"");
        attributes.put("project", "_pbs_project_default");
        attributes.put("jobname", "VerifyObsDA");
        attributes.put("queue", "cpu");
        attributes.put("ctime", "1769669942");
        attributes.put("qtime", "1769669942");
        attributes.put("etime", "1769669942");
        attributes.put("start", "1769669984");
        attributes.put("exec_host", "dec1687/0*128");
        attributes.put("Resource_List.job_priority", "regular");
        attributes.put("Resource_List.mem", "235gb");
        attributes.put("Resource_List.mpiprocs", "128");
        attributes.put("Resource_List.ncpus", "128");
        attributes.put("Resource_List.ngpus", "0");
        attributes.put("Resource_List.nodect", "1");
        attributes.put("Resource_List.preempt_targets", "QUEUE=pcpu");
        attributes.put("Resource_List.select", "1:ncpus=128:mpiprocs=128:mem=235GB:ompthreads=1");
        attributes.put("Resource_List.walltime", "00:20:20");
        attributes.put("end", "1769670016");
        attributes.put("Exit_status", "0");
        attributes.put("resources_used.mem", "172600kb");
        attributes.put("resources_used.vmem", "148112kb");
        attributes.put("resources_used.walltime", "00:00:24");
        attributes.put("resources_used.x-ncar-cpu-energy", "2368");
        attributes.put("eligible_time", "00:00:45");
        attributes.put("run_count", "1");
    }

    ERecord id(String jobId) {
        id = jobId;
        return this;
    }

    ERecord time(String recordTime) {
        time = recordTime;
        return this;
    }

    /** Sets (or adds at the end) an attribute. */
    ERecord with(String key, String value) {
        attributes.put(key, value);
        return this;
    }

    ERecord without(String key) {
        attributes.remove(key);
        return this;
    }

    String line() {
        StringBuilder s = new StringBuilder(time).append(";E;").append(id).append(';');
        String sep = "";
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            s.append(sep).append(a.getKey()).append('=').append(a.getValue());
            sep = " ";
        }
        return s.toString();
    }
}
