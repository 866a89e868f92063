package org.hpcusage.core.scan;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.hpcusage.spi.scan.FileEntry;

/**
 * Synthetic but realistic scans, deterministic for a seed: a project tree under
 * {@code <mount>/<collection>} with user and project directories, subtrees that go deep (up to
 * ~20 levels) and others that stay shallow, few owners owning most data (Zipf-like), sizes from
 * a log-normal mix (many small files, a few huge ones, some inode-resident and migrated ones),
 * and access ages spread over ten years. Entries come depth-first, each directory before its
 * contents, like a policy scan.
 */
public final class ScanGenerator {
    private final SplittableRandom random;
    private final String root;
    private final long scanDate;
    private final long targetEntries;
    private final int owners;
    private long emitted;

    /**
     * @param root          full path of the collection root, e.g. {@code /gpfs/csfs1/asp}
     * @param scanDate      naive local seconds of the scan date
     * @param targetEntries about how many lines to produce
     */
    public ScanGenerator(String root, long scanDate, long targetEntries, long seed) {
        this.random = new SplittableRandom(seed);
        this.root = root;
        this.scanDate = scanDate;
        this.targetEntries = targetEntries;
        this.owners = (int) Math.max(8, Math.min(5000, targetEntries / 20_000));
    }

    public void generate(Consumer<FileEntry> sink) {
        sink.accept(dir(root, 0));
        emitted = 1;
        int child = 0;
        while (emitted < targetEntries) {
            // top-level: one directory per user or project, owned by one (skewed) uid
            long uid = owner();
            String top = root + "/" + (child % 3 == 0 ? "proj" : "user") + child++;
            sink.accept(dir(top, uid));
            emitted++;
            long budget = Math.min(targetEntries - emitted, (long) (Math.exp(random.nextDouble() * Math.log(targetEntries / 4.0 + 2))));
            subtree(top, uid, 1, budget, sink);
        }
    }

    /** Fills {@code path} with about {@code budget} entries. */
    private void subtree(String path, long uid, int level, long budget, Consumer<FileEntry> sink) {
        long end = emitted + budget;
        // deep enough: the rest of the budget is files here (a leaf data directory)
        int files = level >= 20 ? (int) Math.min(budget, 1_000_000)
                : (int) Math.min(budget, random.nextInt(1 + (int) Math.min(120, budget)));
        for (int i = 0; i < files && emitted < end; i++) {
            // mostly the directory's owner; now and then a collaborator's file
            long fileUid = random.nextInt(10) == 0 ? owner() : uid;
            sink.accept(file(path + "/f" + i + extension(i), fileUid));
            emitted++;
        }
        int dirs = 0;
        while (emitted < end) {
            long left = end - emitted;
            // deep chains happen (simulation output trees); wide levels near the top
            long share = Math.max(1, left / (1 + random.nextInt(level < 3 ? 12 : 4)));
            String sub = path + "/" + (random.nextInt(50) == 0 ? "run " + dirs : "d" + dirs);
            dirs++;
            long subUid = random.nextInt(25) == 0 ? owner() : uid;
            sink.accept(dir(sub, subUid));
            emitted++;
            subtree(sub, subUid, level + 1, Math.max(0, share - 1), sink);
        }
    }

    private String extension(int i) {
        return switch (i % 5) {
            case 0 -> ".nc";
            case 1 -> ".dat";
            case 2 -> ".txt";
            case 3 -> ".tar";
            default -> "";
        };
    }

    /** Zipf-like: owner k with weight ~1/k. */
    private long owner() {
        double u = random.nextDouble();
        int k = (int) Math.floor(Math.pow(owners, u));
        return 10_000L + Math.min(owners - 1, Math.max(0, k - 1));
    }

    private FileEntry dir(String path, long uid) {
        return new FileEntry(path, 4096, 4096, uid, uid / 10, true, age(2));
    }

    private FileEntry file(String path, long uid) {
        double r = random.nextDouble();
        long size;
        if (r < 0.25) {
            size = random.nextInt(4097); // small: held in the inode
        } else {
            // log-normal around ~256 KiB, tail into tens of GiB
            size = (long) Math.min(1L << 40, Math.exp(12.5 + 3.0 * random.nextGaussian()));
        }
        long allocated = size <= 4096 ? size : (random.nextInt(40) == 0 ? 0 : (size + 8191) / 8192 * 8192);
        return new FileEntry(path, size, allocated, uid, uid / 10, false, age(10));
    }

    /** An atime up to {@code years} back, biased to recent. */
    private long age(int years) {
        double u = random.nextDouble();
        long days = (long) (u * u * 365.0 * years);
        return scanDate - days * 86_400L - random.nextInt(86_400);
    }

    public static long defaultScanDate() {
        return NaiveTime.of(java.time.LocalDate.of(2026, 1, 15).atStartOfDay());
    }
}
