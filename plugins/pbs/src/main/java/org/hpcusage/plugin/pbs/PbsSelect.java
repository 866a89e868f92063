package org.hpcusage.plugin.pbs;

/**
 * Reads the keys the reference takes from a {@code Resource_List.select} string (§3.3): split on
 * {@code :}, each token with {@code =} split at its first {@code =}; {@code mpiprocs} and
 * {@code ompthreads} as integers (a non-integer value is ignored and keeps the earlier one),
 * {@code cpu_type} and {@code gpu_type} as text; later tokens overwrite earlier ones.
 *
 * <p>Chunk separators {@code +} are deliberately not understood, as in the reference: in
 * {@code 1:ncpus=128:mpiprocs=128+2:ncpus=64:mpiprocs=64} the value {@code 128+2} is not an
 * integer, so the last chunk's {@code 64} wins, and {@code gpu_type=a100+1} gives the type
 * {@code a100+1}. Keeping the quirk keeps stored values identical to the reference's.
 *
 * <p>Mutable and reused for every record of a parse, so the hot loop allocates nothing here.
 */
final class PbsSelect {
    long mpiprocs;
    long ompthreads;
    int cpuFrom;
    int cpuTo;
    int gpuFrom;
    int gpuTo;

    /** The result as plain values, for tests and callers off the hot path. */
    record Values(Integer mpiprocs, Integer ompthreads, String cpuType, String gpuType) {
    }

    void parse(char[] b, int from, int to) {
        mpiprocs = PbsValues.BAD;
        ompthreads = PbsValues.BAD;
        cpuFrom = -1;
        gpuFrom = -1;
        int tokenStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == ':') {
                token(b, tokenStart, i);
                tokenStart = i + 1;
            }
        }
    }

    private void token(char[] b, int from, int to) {
        int eq = PbsValues.indexOf(b, '=', from, to);
        if (eq < 0) {
            return;
        }
        int keyLen = eq - from;
        if (keyLen == 8) {
            if (is(b, from, "mpiprocs")) {
                long v = PbsValues.int32(b, eq + 1, to);
                if (v != PbsValues.BAD) {
                    mpiprocs = v;
                }
            } else if (is(b, from, "cpu_type")) {
                cpuFrom = eq + 1;
                cpuTo = to;
            } else if (is(b, from, "gpu_type")) {
                gpuFrom = eq + 1;
                gpuTo = to;
            }
        } else if (keyLen == 10 && is(b, from, "ompthreads")) {
            long v = PbsValues.int32(b, eq + 1, to);
            if (v != PbsValues.BAD) {
                ompthreads = v;
            }
        }
    }

    /** True when a type was given with a non-empty value (an empty one counts as not given). */
    boolean hasCpuType() {
        return cpuFrom >= 0 && cpuTo > cpuFrom;
    }

    boolean hasGpuType() {
        return gpuFrom >= 0 && gpuTo > gpuFrom;
    }

    private static boolean is(char[] b, int from, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (b[from + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Parses a whole select string; null or empty gives nothing. */
    static Values of(String select) {
        char[] b = select == null ? new char[0] : select.toCharArray();
        PbsSelect s = new PbsSelect();
        s.parse(b, 0, b.length);
        return new Values(
                s.mpiprocs == PbsValues.BAD ? null : (int) s.mpiprocs,
                s.ompthreads == PbsValues.BAD ? null : (int) s.ompthreads,
                s.hasCpuType() ? new String(b, s.cpuFrom, s.cpuTo - s.cpuFrom) : null,
                s.hasGpuType() ? new String(b, s.gpuFrom, s.gpuTo - s.gpuFrom) : null);
    }
}
