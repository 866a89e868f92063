package org.hpcusage.plugin.pbs;

import java.time.Instant;
import org.hpcusage.spi.accounting.JobRecord;

/**
 * Turns one PBS End-record line into a {@link JobRecord}, exactly as the reference maps it
 * (job-history.md §2.4 tokenising, §3.1 fields, §3.2 values, §3.3 select, §3.4 types, §3.5
 * repairs and validation), or explains in a short reason why the line cannot be used.
 *
 * <p>Speed is the point of its shape: one pass over the message records where each wanted
 * attribute's value lies (offsets, not strings), and only the fields a job keeps are then turned
 * into objects. No regex, no split, no exceptions on bad data. One instance per parse (not
 * thread-safe), reused for every line.
 */
final class EndRecordReader {

    // Wanted attributes. Offsets of their values are kept in from[] / to[]; -1 means absent.
    private static final int USER = 0;
    private static final int ACCOUNT = 1;
    private static final int JOBNAME = 2;
    private static final int QUEUE = 3;
    private static final int CTIME = 4;
    private static final int QTIME = 5;
    private static final int ETIME = 6;
    private static final int START = 7;
    private static final int END = 8;
    private static final int EXIT_STATUS = 9;
    private static final int ELIGIBLE_TIME = 10;
    private static final int RUN_COUNT = 11;
    private static final int RL_JOB_PRIORITY = 12;
    private static final int RL_WALLTIME = 13;
    private static final int RL_NCPUS = 14;
    private static final int RL_NGPUS = 15;
    private static final int RL_NODECT = 16;
    private static final int RL_MPIPROCS = 17;
    private static final int RL_MEM = 18;
    private static final int RL_SELECT = 19;
    private static final int RU_WALLTIME = 20;
    private static final int RU_MEM = 21;
    private static final int RU_VMEM = 22;
    private static final int COUNT = 23;

    /** Required by the reference (§3.1), in the order a reason lists them. */
    private static final int[] REQUIRED = {JOBNAME, USER, QUEUE, EXIT_STATUS, CTIME, ETIME, START, END};
    private static final String[] REQUIRED_NAMES = {"jobname", "user", "queue", "Exit_status", "ctime", "etime", "start", "end"};

    private static final int EXCERPT = 40;

    // Character classes for the token scan, one table lookup per character (the hot loop).
    private static final byte PLAIN = 0;
    private static final byte SPACE = 1;
    private static final byte BAD = 2;
    private static final byte EQUALS = 3;
    private static final byte DOT = 4;
    /** Inside a value: only separators and characters that fail the line stop the scan. */
    private static final byte[] VALUE_CLASS = new byte[Character.MAX_VALUE + 1];
    /** Inside a key: also '=' and '.'. */
    private static final byte[] KEY_CLASS = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            byte k = PbsValues.isSpace((char) c) ? SPACE : c == ';' || c < ' ' || c == 0x7f ? BAD : PLAIN;
            VALUE_CLASS[c] = k;
            KEY_CLASS[c] = c == '=' ? EQUALS : c == '.' ? DOT : k;
        }
    }

    private final int[] from = new int[COUNT];
    private final int[] to = new int[COUNT];
    private final PbsSelect select = new PbsSelect();
    private final StringPool pool = new StringPool();
    private final PbsParserSettings settings;

    /** Why the last {@link #read} returned null. */
    private String reason;
    /** Where the current line starts in the buffer, for column numbers in reasons. */
    private int lineStart;

    EndRecordReader(PbsParserSettings settings) {
        this.settings = settings;
    }

    String reason() {
        return reason;
    }

    /**
     * Reads the E line {@code b[lineFrom, lineTo)} whose first three {@code ;} are at
     * {@code semi1..semi3}. Returns the job, or null with {@link #reason()} set.
     */
    JobRecord read(char[] b, int lineFrom, int lineTo, int semi1, int semi2, int semi3) {
        reason = null;
        lineStart = lineFrom;
        if (!validRecordTime(b, lineFrom, semi1)) {
            return fail("bad record time '" + excerpt(b, lineFrom, semi1) + "'");
        }
        if (semi3 == semi2 + 1) {
            return fail("empty job id");
        }
        if (!scanMessage(b, semi3 + 1, lineTo)) {
            return null;
        }
        String missing = missingRequired();
        if (missing != null) {
            return fail(missing);
        }
        return build(b, lineFrom, lineTo, semi2 + 1, semi3);
    }

    private JobRecord fail(String why) {
        reason = why;
        return null;
    }

    /** {@code MM/DD/YYYY HH:MM:SS}, which the reference's tokeniser insists on (a bad one aborts it). */
    private static boolean validRecordTime(char[] b, int from, int to) {
        if (to - from != 19 || b[from + 2] != '/' || b[from + 5] != '/' || b[from + 10] != ' '
                || b[from + 13] != ':' || b[from + 16] != ':') {
            return false;
        }
        int month = two(b, from);
        int day = two(b, from + 3);
        int century = two(b, from + 6);
        int yearOfCentury = two(b, from + 8);
        int year = century < 0 || yearOfCentury < 0 ? -1 : century * 100 + yearOfCentury;
        int hour = two(b, from + 11);
        int minute = two(b, from + 14);
        int second = two(b, from + 17);
        // strptime's ranges: a real calendar day, seconds up to 61.
        return month >= 1 && month <= 12 && year >= 1 && day >= 1 && day <= daysIn(month, year)
                && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 61;
    }

    private static int daysIn(int month, int year) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Two decimal digits, or a negative number when either is not a digit. */
    private static int two(char[] b, int at) {
        int hi = b[at] - '0';
        int lo = b[at + 1] - '0';
        return hi < 0 || hi > 9 || lo < 0 || lo > 9 ? -100 : hi * 10 + lo;
    }

    /**
     * One pass over the {@code key=value} tokens (split on runs of whitespace, first {@code =}
     * splits). Records the wanted values; fails on a token without {@code =}, a key with two
     * dots, a {@code ;} (a fifth field) or a control character (binary data).
     */
    private boolean scanMessage(char[] b, int msgFrom, int msgTo) {
        int[] f = from;
        for (int k = 0; k < COUNT; k++) {
            f[k] = -1;
        }
        byte[] keyClass = KEY_CLASS;
        byte[] valueClass = VALUE_CLASS;
        int i = msgFrom;
        while (true) {
            while (i < msgTo && valueClass[b[i]] == SPACE) {
                i++;
            }
            if (i >= msgTo) {
                return true;
            }
            int keyFrom = i;
            int eq = -1;
            int firstDot = -1;
            int dots = 0;
            for (; i < msgTo; i++) {
                byte k = keyClass[b[i]];
                if (k == PLAIN) {
                    continue;
                }
                if (k == EQUALS) {
                    eq = i;
                    break;
                }
                if (k == DOT) {
                    if (dots++ == 0) {
                        firstDot = i;
                    }
                } else if (k == SPACE) {
                    break;
                } else {
                    return badChar(b, i);
                }
            }
            if (eq < 0) {
                return failed("attribute without '=' (space inside a value?): '" + excerpt(b, keyFrom, i) + "'");
            }
            int valueFrom = eq + 1;
            i = valueFrom;
            // Most of a line is values: one unsigned compare passes printable ASCII (bar ';')
            // without a table lookup; anything else is looked at closely.
            while (i < msgTo) {
                char c = b[i];
                if ((char) (c - 0x21) < 0x5e && c != ';') {
                    i++;
                } else if (valueClass[c] == PLAIN) {
                    i++;
                } else {
                    break;
                }
            }
            if (i < msgTo && valueClass[b[i]] == BAD) {
                return badChar(b, i);
            }
            if (dots > 1) {
                return failed("key with more than one '.': '" + excerpt(b, keyFrom, eq) + "'");
            }
            int slot = firstDot < 0 ? plainKey(b, keyFrom, eq) : dottedKey(b, keyFrom, firstDot, eq);
            if (slot >= 0) {
                // A repeated key: the last one wins, as in the reference.
                f[slot] = valueFrom;
                to[slot] = i;
            }
        }
    }

    /** Fails the line on a {@code ;} (a fifth field) or a control character (binary data). */
    private boolean badChar(char[] b, int at) {
        char c = b[at];
        if (c == ';') {
            return failed("';' inside the message: expected exactly 4 ';'-separated fields");
        }
        return failed(String.format("binary data: control character 0x%02x at column %d", (int) c, at - lineStart + 1));
    }

    private boolean failed(String why) {
        reason = why;
        return false;
    }

    /** The slot of a key without a dot, or -1. Keys match with every {@code -} read as {@code _}. */
    private static int plainKey(char[] b, int from, int to) {
        switch (to - from) {
            case 3:
                return key(b, from, "end") ? END : -1;
            case 4:
                return key(b, from, "user") ? USER : -1;
            case 5:
                switch (b[from]) {
                    case 'q':
                        return key(b, from, "queue") ? QUEUE : key(b, from, "qtime") ? QTIME : -1;
                    case 'c':
                        return key(b, from, "ctime") ? CTIME : -1;
                    case 'e':
                        return key(b, from, "etime") ? ETIME : -1;
                    case 's':
                        return key(b, from, "start") ? START : -1;
                    default:
                        return -1;
                }
            case 7:
                return key(b, from, "account") ? ACCOUNT : key(b, from, "jobname") ? JOBNAME : -1;
            case 9:
                return key(b, from, "run_count") ? RUN_COUNT : -1;
            case 11:
                return key(b, from, "Exit_status") ? EXIT_STATUS : -1;
            case 13:
                return key(b, from, "eligible_time") ? ELIGIBLE_TIME : -1;
            default:
                return -1;
        }
    }

    /** The slot of a {@code category.name} key, or -1. */
    private static int dottedKey(char[] b, int from, int dot, int to) {
        int name = dot + 1;
        int nameLen = to - name;
        int catLen = dot - from;
        if (catLen == 13 && key(b, from, "Resource_List")) {
            switch (nameLen) {
                case 3:
                    return key(b, name, "mem") ? RL_MEM : -1;
                case 5:
                    return key(b, name, "ncpus") ? RL_NCPUS : key(b, name, "ngpus") ? RL_NGPUS : -1;
                case 6:
                    return key(b, name, "nodect") ? RL_NODECT : key(b, name, "select") ? RL_SELECT : -1;
                case 8:
                    return key(b, name, "walltime") ? RL_WALLTIME : key(b, name, "mpiprocs") ? RL_MPIPROCS : -1;
                case 12:
                    return key(b, name, "job_priority") ? RL_JOB_PRIORITY : -1;
                default:
                    return -1;
            }
        }
        if (catLen == 14 && key(b, from, "resources_used")) {
            switch (nameLen) {
                case 3:
                    return key(b, name, "mem") ? RU_MEM : -1;
                case 4:
                    return key(b, name, "vmem") ? RU_VMEM : -1;
                case 8:
                    return key(b, name, "walltime") ? RU_WALLTIME : -1;
                default:
                    return -1;
            }
        }
        return -1;
    }

    /** Compares a key of the right length, reading {@code -} as {@code _} like the reference. */
    private static boolean key(char[] b, int from, String name) {
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = b[from + i];
            if (c != name.charAt(i) && !(c == '-' && name.charAt(i) == '_')) {
                return false;
            }
        }
        return true;
    }

    private String missingRequired() {
        StringBuilder missing = null;
        int count = 0;
        for (int k = 0; k < REQUIRED.length; k++) {
            if (from[REQUIRED[k]] < 0) {
                missing = missing == null ? new StringBuilder() : missing.append(", ");
                missing.append(REQUIRED_NAMES[k]);
                count++;
            }
        }
        if (missing == null) {
            return null;
        }
        return (count == 1 ? "missing required attribute: " : "missing required attributes: ") + missing;
    }

    private JobRecord build(char[] b, int lineFrom, int lineTo, int idFrom, int idTo) {
        // Timestamps first: a record whose times are out of order is dropped before anything is built.
        long submit = epoch(b, CTIME);
        long eligible = epoch(b, ETIME);
        long start = epoch(b, START);
        long end = epoch(b, END);
        long elapsed = has(RU_WALLTIME) ? PbsValues.duration(b, from[RU_WALLTIME], to[RU_WALLTIME]) : PbsValues.BAD;

        // Repairs (§3.5): the epoch stands for "unknown" in these two fields.
        if (start == 0 && end != PbsValues.BAD && elapsed != PbsValues.BAD) {
            start = end - elapsed;
        }
        if (eligible == 0 && submit != PbsValues.BAD) {
            eligible = submit;
        }
        if (submit != PbsValues.BAD && eligible != PbsValues.BAD && start != PbsValues.BAD && end != PbsValues.BAD) {
            if (submit > eligible) {
                return fail("times out of order: submit (ctime) after eligible (etime)");
            }
            if (eligible > start) {
                return fail("times out of order: eligible (etime) after start");
            }
            if (start > end) {
                return fail("times out of order: start after end");
            }
        }

        String jobId = new String(b, idFrom, idTo - idFrom);
        JobRecord.Builder job = JobRecord.builder(jobId)
                .shortId(shortId(b, idFrom, idTo))
                .name(pool.get(b, from[JOBNAME], to[JOBNAME]))
                .user(orNull(text(b, USER)))
                .account(account(b))
                .queue(orNull(text(b, QUEUE)))
                .priority(text(b, RL_JOB_PRIORITY))
                .status(text(b, EXIT_STATUS));

        long queued = epoch(b, QTIME);
        Instant submitAt = instant(submit, null);
        Instant queuedAt = instant(queued, submitAt);
        Instant eligibleAt = instant(eligible, queuedAt);
        Instant startAt = instant(start, null);
        job.submit(submitAt).queued(queuedAt).eligible(eligibleAt).start(startAt)
                .end(instant(end, startAt));

        job.elapsed(boxed(elapsed))
                .walltime(boxed(duration(b, RL_WALLTIME)))
                .eligibleSecs(boxed(duration(b, ELIGIBLE_TIME)))
                .runCount(int32(b, RUN_COUNT))
                .numcpus(int32(b, RL_NCPUS))
                .numgpus(int32(b, RL_NGPUS))
                .numnodes(int32(b, RL_NODECT))
                .reqmem(has(RL_MEM) ? boxed(PbsValues.gbMemory(b, from[RL_MEM], to[RL_MEM])) : null)
                .memory(has(RU_MEM) ? boxed(PbsValues.kbMemory(b, from[RU_MEM], to[RU_MEM])) : null)
                .vmemory(has(RU_VMEM) ? boxed(PbsValues.kbMemory(b, from[RU_VMEM], to[RU_VMEM])) : null);

        selectAndTypes(b, job);
        job.rawRecord(new String(b, lineFrom, lineTo - lineFrom));
        return job.build();
    }

    /** mpiprocs, ompthreads, resources, cputype and gputype: select first, then §3.4 inference. */
    private void selectAndTypes(char[] b, JobRecord.Builder job) {
        String cpuType = null;
        String gpuType = null;
        if (has(RL_SELECT)) {
            select.parse(b, from[RL_SELECT], to[RL_SELECT]);
            job.resources(pool.get(b, from[RL_SELECT], to[RL_SELECT]));
            job.ompthreads(select.ompthreads == PbsValues.BAD ? null : (int) select.ompthreads);
            job.mpiprocs(select.mpiprocs != PbsValues.BAD ? Integer.valueOf((int) select.mpiprocs) : int32(b, RL_MPIPROCS));
            if (select.hasCpuType()) {
                cpuType = pool.get(b, select.cpuFrom, select.cpuTo);
            }
            if (select.hasGpuType()) {
                gpuType = pool.get(b, select.gpuFrom, select.gpuTo);
            }
        } else {
            // The reference stores an empty string, not NULL, for a job without a select.
            job.resources("");
            job.mpiprocs(int32(b, RL_MPIPROCS));
        }
        if (cpuType == null && gpuType == null) {
            String queue = from[QUEUE] < 0 ? null : pool.get(b, from[QUEUE], to[QUEUE]);
            gpuType = settings.gpuTypeOfQueue(queue);
            if (gpuType == null) {
                cpuType = settings.defaultCpuType();
            }
        }
        job.cputype(cpuType).gputype(gpuType);
    }

    /** {@code account}: one enclosing pair of double quotes removed; absent gives the account "none". */
    private String account(char[] b) {
        int f = from[ACCOUNT];
        if (f < 0) {
            return "none";
        }
        int t = to[ACCOUNT];
        if (t > f && b[f] == '"' && b[t - 1] == '"') {
            // Python's v[1:-1] on a lone '"' is empty: keep that.
            return orNull(t - f == 1 ? "" : pool.get(b, f + 1, t - 1));
        }
        return orNull(pool.get(b, f, t));
    }

    /**
     * Empty user, account and queue names become null: the reference stores them as a NULL
     * foreign key, never as a name.
     */
    private static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Job id up to its first '.' as an integer (null for array ids like {@code 6049117[28]}). */
    private static Long shortId(char[] b, int from, int to) {
        int dot = PbsValues.indexOf(b, '.', from, to);
        return boxed(PbsValues.integer(b, from, dot < 0 ? to : dot));
    }

    private boolean has(int slot) {
        return from[slot] >= 0;
    }

    private String text(char[] b, int slot) {
        return from[slot] < 0 ? null : pool.get(b, from[slot], to[slot]);
    }

    private long epoch(char[] b, int slot) {
        return from[slot] < 0 ? PbsValues.BAD : PbsValues.epoch(b, from[slot], to[slot]);
    }

    private long duration(char[] b, int slot) {
        return from[slot] < 0 ? PbsValues.BAD : PbsValues.duration(b, from[slot], to[slot]);
    }

    private Integer int32(char[] b, int slot) {
        if (from[slot] < 0) {
            return null;
        }
        long v = PbsValues.int32(b, from[slot], to[slot]);
        return v == PbsValues.BAD ? null : (int) v;
    }

    private static Long boxed(long v) {
        return v == PbsValues.BAD ? null : v;
    }

    /** An instant, sharing {@code same} when it is that second already (submit, queued and eligible usually are). */
    private static Instant instant(long epochSecond, Instant same) {
        if (epochSecond == PbsValues.BAD) {
            return null;
        }
        if (same != null && same.getEpochSecond() == epochSecond) {
            return same;
        }
        return Instant.ofEpochSecond(epochSecond);
    }

    private static String excerpt(char[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to && s.length() < EXCERPT; i++) {
            char c = b[i];
            s.append(c < ' ' || c == 0x7f ? '?' : c);
        }
        if (to - from > EXCERPT) {
            s.append("...");
        }
        return s.toString();
    }
}
