package org.hpcusage.plugin.slurm;

/**
 * Reads a TRES list such as {@code billing=16,cpu=16,gres/gpu:a100=2,gres/gpu=2,mem=128G,node=2}.
 *
 * <p>GPUs are counted once (the reference's defect D2 fixed): only entries named exactly
 * {@code gres/gpu} or {@code gres/gpu:TYPE} are GPUs ({@code gres/gpumem}, {@code gres/gpuutil}
 * are not); when the untyped {@code gres/gpu} entry is there it is the count, because Slurm
 * lists the same GPUs once untyped and again per type; otherwise the typed entries are summed.
 */
final class TresList {
    private static final String GPU = "gres/gpu";

    private TresList() {
    }

    /** GPUs allocated; 0 for an empty or GPU-less list. */
    static int gpus(String tres) {
        if (tres == null || tres.isEmpty()) {
            return 0;
        }
        int untyped = -1;
        int typed = 0;
        int from = 0;
        while (from <= tres.length()) {
            int comma = tres.indexOf(',', from);
            int to = comma < 0 ? tres.length() : comma;
            int eq = tres.indexOf('=', from);
            if (eq > from && eq < to) {
                String name = tres.substring(from, eq).strip();
                if (name.equals(GPU)) {
                    untyped = Math.max(untyped, 0) + SlurmValues.count(tres.substring(eq + 1, to));
                } else if (name.startsWith(GPU + ":")) {
                    typed += SlurmValues.count(tres.substring(eq + 1, to));
                }
            }
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return untyped >= 0 ? untyped : typed;
    }

    /** The type of the first typed GPU entry ("a100" of {@code gres/gpu:a100=2}), or null. */
    static String gpuType(String tres) {
        if (tres == null) {
            return null;
        }
        int at = tres.indexOf(GPU + ":");
        while (at > 0 && tres.charAt(at - 1) != ',') {
            at = tres.indexOf(GPU + ":", at + 1);
        }
        if (at < 0) {
            return null;
        }
        int from = at + GPU.length() + 1;
        int to = from;
        while (to < tres.length() && tres.charAt(to) != ':' && tres.charAt(to) != '=' && tres.charAt(to) != ',') {
            to++;
        }
        return to > from ? tres.substring(from, to) : null;
    }

    /** The numeric value of entry {@code name} ("billing", "cpu"), or -1 when absent or not a number. */
    static double value(String tres, String name) {
        if (tres == null) {
            return -1;
        }
        int from = 0;
        while (from < tres.length()) {
            int comma = tres.indexOf(',', from);
            int to = comma < 0 ? tres.length() : comma;
            int eq = tres.indexOf('=', from);
            if (eq > from && eq < to && tres.substring(from, eq).strip().equals(name)) {
                String v = tres.substring(eq + 1, to).strip();
                try {
                    return v.isEmpty() ? -1 : Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return -1;
    }
}
