package org.hpcusage.core.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;

/**
 * What one chunk of a scan file adds up to, built on a parser thread: per parent path the direct
 * files' counters, the directory lines in file order, per owner the histograms, and the rejected
 * lines (numbered within the chunk). {@link ScanTree#merge} folds it into the tree in chunk
 * order, so the result equals reading the lines one by one (all the counters are sums, maxima
 * or the associative single-owner merge).
 */
final class ChunkAggregate implements EntrySink {
    final Map<String, DirNode> parents = new HashMap<>(1 << 10);
    final List<String> directories = new ArrayList<>();
    final Histograms histograms = new Histograms();
    final List<long[]> rejectLines = new ArrayList<>(0);
    final List<String> rejectReasons = new ArrayList<>(0);
    long entries;
    long files;
    /** Newlines in the chunk: the line numbers of the next chunk start after them. */
    long lines;

    private final long scanDate;
    private final boolean hasScanDate;
    private String lastParent;
    private DirNode lastNode;

    ChunkAggregate(long scanDate) {
        this.scanDate = scanDate;
        this.hasScanDate = scanDate != FileEntry.NO_TIME;
    }

    @Override
    public void accept(FileEntry e) {
        entries++;
        String path = e.path();
        if (e.directory()) {
            directories.add(path);
            return;
        }
        files++;
        DirNode parent = parentNode(path);
        long allocated = e.allocated();
        long atime = e.atime();
        parent.addFile(allocated, atime, e.uid(), e.gid());
        boolean noTime = !hasScanDate || atime == FileEntry.NO_TIME;
        histograms.add(e.uid(), Buckets.access(atime, scanDate, noTime), Buckets.size(allocated), allocated);
    }

    /** Files of one directory mostly come together: the previous parent is checked first. */
    private DirNode parentNode(String path) {
        int slash = path.lastIndexOf('/');
        if (lastParent != null && slash > 0 && slash == lastParent.length() && path.startsWith(lastParent)) {
            return lastNode;
        }
        String parent = ScanTree.parentOf(path);
        DirNode n = parents.get(parent);
        if (n == null) {
            n = new DirNode(parent);
            parents.put(parent, n);
        }
        lastParent = parent;
        lastNode = n;
        return n;
    }

    @Override
    public void reject(long line, String reason) {
        rejectLines.add(new long[] {line});
        rejectReasons.add(reason);
    }
}
