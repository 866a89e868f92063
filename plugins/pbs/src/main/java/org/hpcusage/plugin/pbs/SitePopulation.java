package org.hpcusage.plugin.pbs;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people behind synthetic jobs: users, their groups, the accounts they charge and the job
 * names they use. Seeded by the machine name only, so every day and every seed of one machine
 * sees the same users; activity is skewed (a Zipf law), as in the samples where a handful of
 * users submit half the jobs.
 */
final class SitePopulation {
    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v",
        "w", "y", "z", "ch", "sh", "th", "br", "kr", "st", "tr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ia", "ee", "ou"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "m", "ng", "k", "t"};
    private static final String[] GROUPS = {"cgd", "mmm", "acom", "hao", "ral", "decs", "cisl", "univ"};
    private static final String[] ACCOUNT_LETTERS = {"U", "U", "U", "N", "N", "P", "P", "W", "S", "C"};
    private static final String[] JOB_STEMS = {"run.FADIAB.ne30_ne30_mg17", "atmosphere_mpas", "plot_f012", "qcmd",
        "STDIN", "case.run", "case.st_archive", "wrf", "real", "ungrib", "metgrid", "mom6_run", "cesm_run", "regrid_era5",
        "post_process", "train_model", "pytorch_ddp", "ncl_plot", "python", "bash", "compile", "ensemble_member",
        "icar_run", "gfs_ics", "dsrqst", "dsupdt", "MERRA2-dload", "M2-f09-32L", "jupyterhub", "A", "D", "hist_avg",
        "VerifyObsDA-0hrExec00.20250220T1200Z.MPAS-Workflow-4denvar_O60-10kmIE60km_WarmStart_ARO_06.01",
        "b.e21.BHIST.f09_g17.CMIP6-historical.011.case.run", "convert_grib2nc", "zarr_rechunk", "climo_diags"};

    final String[] users;
    final String[] groups;
    /** Per user, the accounts it charges (first one most often). */
    final String[][] accounts;
    /** Per user, the job names it uses. */
    final String[][] jobNames;
    private final double[] cumulative;

    SitePopulation(String machine, int size) {
        SplittableRandom r = new SplittableRandom(0x5EEDL ^ (machine == null ? 0 : machine.hashCode()) * 0x9E3779B97F4A7C15L);
        users = new String[size];
        groups = new String[size];
        accounts = new String[size][];
        jobNames = new String[size][];
        Set<String> seen = new HashSet<>();
        String[] accountPool = new String[Math.max(8, size * 2 / 5)];
        Set<String> seenAccounts = new HashSet<>();
        for (int i = 0; i < accountPool.length; i++) {
            String a;
            do {
                a = account(r);
            } while (!seenAccounts.add(a));
            accountPool[i] = a;
        }
        double[] accountCumulative = zipf(accountPool.length, 1.0);
        for (int u = 0; u < size; u++) {
            String name;
            do {
                name = userName(r);
            } while (!seen.add(name));
            users[u] = name;
            groups[u] = r.nextInt(10) < 9 ? "ncar" : GROUPS[r.nextInt(GROUPS.length)];
            int n = 1 + (r.nextInt(10) < 7 ? 0 : r.nextInt(3));
            accounts[u] = new String[n];
            for (int k = 0; k < n; k++) {
                accounts[u][k] = accountPool[pick(accountCumulative, r.nextDouble())];
            }
            int names = 1 + r.nextInt(5);
            jobNames[u] = new String[names];
            for (int k = 0; k < names; k++) {
                jobNames[u][k] = jobName(r, name);
            }
        }
        cumulative = zipf(size, 1.2);
    }

    /** A user index, skewed toward the first users. */
    int pickUser(double uniform) {
        return pick(cumulative, uniform);
    }

    private static String userName(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(3) > 0) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        int syllables = 1 + r.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            s.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
        }
        s.append(CODAS[r.nextInt(CODAS.length)]);
        if (s.length() > 8) {
            s.setLength(8);
        }
        return s.length() < 3 ? s.append("ng").toString() : s.toString();
    }

    /** NCAR-style project codes: UCSD0047, NMMM0063, P64000555, WYOM0200. */
    private static String account(SplittableRandom r) {
        String kind = ACCOUNT_LETTERS[r.nextInt(ACCOUNT_LETTERS.length)];
        StringBuilder s = new StringBuilder(kind);
        if (kind.equals("P")) {
            s.append(String.format("%08d", r.nextInt(100_000_000)));
        } else {
            for (int i = 0; i < 3; i++) {
                s.append((char) ('A' + r.nextInt(26)));
            }
            s.append(String.format("%04d", r.nextInt(300)));
        }
        return s.toString();
    }

    private static String jobName(SplittableRandom r, String user) {
        String stem = JOB_STEMS[r.nextInt(JOB_STEMS.length)];
        switch (r.nextInt(5)) {
            case 0:
                return stem + "_" + r.nextInt(100);
            case 1:
                return stem + "." + user;
            default:
                return stem;
        }
    }

    private static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / StrictMath.pow(i + 1, s);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int pick(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
