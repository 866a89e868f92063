package org.hpcusage.plugin.pbs;

/**
 * Writes synthetic jobs as PBS accounting lines, attribute for attribute in the order and spelling
 * of the NCAR samples (Q and S lines end with a space, E lines do not). Appends to a caller's
 * {@code StringBuilder}: no formatter, no intermediate strings, so a 30,000-job day is written in
 * a fraction of a second.
 */
final class PbsRecordFormatter {
    private static final String[] ENERGY_NAMES = {"cpu-energy", "cpu-energy-init", "energy", "energy-init",
        "gpu0-energy", "gpu0-energy-init", "gpu1-energy", "gpu1-energy-init", "gpu2-energy", "gpu2-energy-init",
        "gpu3-energy", "gpu3-energy-init", "memory-energy", "memory-energy-init"};
    private static final String[] ENERGY_KEYS = new String[ENERGY_NAMES.length];

    static {
        for (int i = 0; i < ENERGY_NAMES.length; i++) {
            ENERGY_KEYS[i] = " resources_used.x-ncar-" + ENERGY_NAMES[i] + "=";
        }
    }

    private final GeneratorProfile profile;
    private final SitePopulation people;
    private final String host;
    /** {@code MM/DD/YYYY } of the day, shared by every record time. */
    private final String datePrefix;
    private final long transition;
    private final int offsetBefore;
    private final int offsetAfter;

    /**
     * @param transition   seconds into the day at which the zone's offset changes (DST), or past the day
     * @param offsetBefore UTC offset in seconds before it
     * @param offsetAfter  UTC offset in seconds after it
     */
    PbsRecordFormatter(GeneratorProfile profile, SitePopulation people, String host, String datePrefix,
                       long transition, int offsetBefore, int offsetAfter) {
        this.profile = profile;
        this.people = people;
        this.host = host;
        this.datePrefix = datePrefix;
        this.transition = transition;
        this.offsetBefore = offsetBefore;
        this.offsetAfter = offsetAfter;
    }

    void write(StringBuilder s, long seconds, byte kind, SyntheticJob j) {
        time(s, seconds);
        switch (kind) {
            case DayPlanner.Q_ROUTE:
            case DayPlanner.Q_EXEC:
                head(s, 'Q', j);
                attributes(s, j, kind == DayPlanner.Q_ROUTE, false);
                resourceList(s, j, kind == DayPlanner.Q_ROUTE);
                s.append(' ');
                break;
            case DayPlanner.START:
                head(s, 'S', j);
                attributes(s, j, false, true);
                resourceList(s, j, false);
                assigned(s, j);
                break;
            case DayPlanner.END:
                head(s, 'E', j);
                attributes(s, j, false, true);
                resourceList(s, j, false);
                used(s, j);
                break;
            case DayPlanner.DELETE:
                head(s, 'D', j);
                s.append("requestor=").append(people.users[j.user]).append('@')
                        .append(profile.loginHosts[(int) (j.id % profile.loginHosts.length)]);
                break;
            case DayPlanner.ABORT:
                head(s, 'A', j);
                s.append("Job deleted as result of dependency on job ").append(j.id - 1 - j.id % 7).append('.').append(host);
                break;
            default:
                head(s, 'a', j);
                s.append("Priority=").append(j.id % 5 == 0 ? 800 : 1023);
                break;
        }
        s.append('\n');
    }

    /** {@code MM/DD/YYYY HH:MM:SS}, server local time. */
    private void time(StringBuilder s, long seconds) {
        long local = seconds + (seconds < transition ? offsetBefore : offsetAfter) - offsetBefore;
        s.append(datePrefix);
        two(s, (int) (local / 3600));
        s.append(':');
        two(s, (int) (local / 60 % 60));
        s.append(':');
        two(s, (int) (local % 60));
    }

    private void head(StringBuilder s, char type, SyntheticJob j) {
        s.append(';').append(type).append(';').append(j.id);
        if (j.arrayIndex == SyntheticJob.ARRAY_PARENT) {
            s.append("[]");
        } else if (j.arrayIndex >= 0) {
            s.append('[').append(j.arrayIndex).append(']');
        }
        s.append('.').append(host).append(';');
    }

    private void attributes(StringBuilder s, SyntheticJob j, boolean routing, boolean running) {
        s.append("user=").append(people.users[j.user])
                .append(" group=").append(people.groups[j.user])
                .append(" account=\"").append(j.account).append('"')
                .append(" project=_pbs_project_default jobname=").append(j.name)
                .append(" queue=").append(routing ? j.queue.routing : j.queue.name)
                .append(" ctime=").append(j.ctime)
                .append(" qtime=").append(routing ? j.ctime : j.qtime)
                .append(" etime=").append(routing ? 0 : j.etime);
        if (j.dependsBack > 0 && !running) {
            s.append(" depend=afterok:").append(j.id - j.dependsBack).append('.').append(host).append('@').append(host);
        }
        if (running) {
            s.append(" start=").append(j.startZero && j.ends ? 0 : j.start);
            if (j.arrayIndex != SyntheticJob.ARRAY_PARENT) {
                execHost(s, j);
            }
        }
    }

    private void execHost(StringBuilder s, SyntheticJob j) {
        QueueShape q = j.queue;
        s.append(" exec_host=");
        for (int n = 0; n < j.nodes; n++) {
            if (n > 0) {
                s.append('+');
            }
            node(s, q, j.firstNode + n);
            s.append('/').append(j.slot);
            if (j.chunkCpus > 1) {
                s.append('*').append(j.chunkCpus);
            }
        }
        s.append(" exec_vnode=");
        long kbPerNode = j.memKb / j.nodes;
        for (int n = 0; n < j.nodes; n++) {
            if (n > 0) {
                s.append('+');
            }
            s.append('(');
            node(s, q, j.firstNode + n);
            s.append(":ncpus=").append(j.chunkCpus).append(":mem=").append(kbPerNode).append("kb");
            if (profile == GeneratorProfile.DERECHO || j.chunkGpus > 0) {
                s.append(":ngpus=").append(j.chunkGpus);
            }
            if (q.mps && j.chunkGpus > 0) {
                s.append(":mps=1");
            }
            s.append(')');
        }
    }

    private static void node(StringBuilder s, QueueShape q, int number) {
        s.append(q.nodePrefix);
        int n = Math.min(number, q.nodeCount);
        if (q.nodeDigits == 4 && n < 1000) {
            s.append(n < 10 ? "000" : n < 100 ? "00" : "0");
        } else if (n < 10) {
            s.append('0');
        }
        s.append(n);
    }

    /**
     * The {@code Resource_List.*} attributes. A job writes them in up to four records, so the
     * text is built once per job and variant and then copied.
     */
    private static void resourceList(StringBuilder s, SyntheticJob j, boolean routing) {
        if (routing) {
            if (j.resourcesRouting == null) {
                j.resourcesRouting = buildResourceList(j, true);
            }
            s.append(j.resourcesRouting);
        } else {
            if (j.resources == null) {
                j.resources = buildResourceList(j, false);
            }
            s.append(j.resources);
        }
    }

    private static String buildResourceList(SyntheticJob j, boolean routing) {
        StringBuilder s = new StringBuilder(400);
        QueueShape q = j.queue;
        if (j.priority != null) {
            s.append(" Resource_List.job_priority=").append(j.priority);
        }
        s.append(" Resource_List.mem=").append(j.mem);
        if (j.mpiprocs > 0) {
            s.append(" Resource_List.mpiprocs=").append(j.mpiprocs * j.nodes);
        }
        if (q.mpsZero && !routing) {
            s.append(" Resource_List.mps=0");
        }
        s.append(" Resource_List.ncpus=").append(j.ncpus)
                .append(" Resource_List.ngpus=").append(j.ngpus)
                .append(" Resource_List.nodect=").append(j.nodes)
                .append(" Resource_List.place=").append(q.place);
        if (q.preempt != null && !routing) {
            s.append(" Resource_List.preempt_targets=").append(q.preempt);
        }
        s.append(" Resource_List.select=").append(j.select);
        s.append(" Resource_List.walltime=");
        duration(s, j.walltime);
        return s.toString();
    }

    private static void assigned(StringBuilder s, SyntheticJob j) {
        s.append(" resource_assigned.mem=").append(j.memKb).append("kb resource_assigned.ncpus=").append(j.ncpus);
        if (j.ngpus > 0 || !j.queue.exclusive) {
            s.append(" resource_assigned.ngpus=").append(j.ngpus);
        }
        if (j.queue.exclusive) {
            s.append(" resource_assigned.vmem=").append(j.memKb).append("kb");
        }
        s.append(' ');
    }

    private void used(StringBuilder s, SyntheticJob j) {
        if (j.arrayIndex != SyntheticJob.ARRAY_PARENT) {
            s.append(" session=").append(j.session);
        }
        s.append(" end=").append(j.end).append(" Exit_status=").append(j.status)
                .append(" resources_used.cpupercent=").append(j.cpupercent)
                .append(" resources_used.cput=");
        duration(s, j.cput);
        s.append(" resources_used.mem=").append(j.usedMemKb).append("kb resources_used.ncpus=").append(j.ncpus)
                .append(" resources_used.vmem=").append(j.usedVmemKb).append("kb resources_used.walltime=");
        duration(s, j.elapsed);
        if (j.energy != null && j.arrayIndex != SyntheticJob.ARRAY_PARENT) {
            for (int i = 0; i < ENERGY_NAMES.length; i++) {
                s.append(ENERGY_KEYS[i]).append(j.energy[i]);
            }
        }
        s.append(" eligible_time=");
        duration(s, j.eligibleSecs);
        s.append(" run_count=").append(j.runCount);
    }

    /** {@code HH:MM:SS} with at least two hour digits, as PBS writes walltimes and cput. */
    private static void duration(StringBuilder s, long seconds) {
        long h = seconds / 3600;
        if (h < 10) {
            s.append('0');
        }
        s.append(h).append(':');
        two(s, (int) (seconds / 60 % 60));
        s.append(':');
        two(s, (int) (seconds % 60));
    }

    private static void two(StringBuilder s, int v) {
        s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
