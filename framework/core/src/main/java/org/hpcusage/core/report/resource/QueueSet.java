package org.hpcusage.core.report.resource;

/**
 * Which jobs a resource report looks at and which hours it adds up (reference §7.4): CPU jobs
 * (the machine's {@code cpu-queues}) and their CPU hours, GPU jobs and their GPU hours, or both
 * sets and CPU + GPU hours. Hours are raw (no QoS factor), as in the reference.
 */
public enum QueueSet {
    CPU("cpu_hours"),
    GPU("gpu_hours"),
    ALL(null);

    private final String hoursColumn;

    QueueSet(String hoursColumn) {
        this.hoursColumn = hoursColumn;
    }

    /** SQL of the hours of a row of {@code alias} (job_charges or daily_summary); a constant. */
    public String hours(String alias) {
        if (hoursColumn == null) {
            return "(COALESCE(" + alias + ".cpu_hours, 0) + COALESCE(" + alias + ".gpu_hours, 0))";
        }
        return alias + "." + hoursColumn;
    }
}
