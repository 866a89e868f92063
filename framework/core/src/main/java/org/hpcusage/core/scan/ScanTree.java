package org.hpcusage.core.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;

/**
 * Aggregates a scan in one pass: per parent directory path the counters of its direct children
 * (files, allocated bytes, sub-directories, newest atime, single owner and group), and per file
 * owner the access-age and size histograms. Nothing is kept per file. {@link #finish} then orders
 * the listed directories (depth, then file order), links parents and rolls the counters up.
 */
public final class ScanTree implements EntrySink {

    private final Map<String, DirNode> byPath = new HashMap<>(1 << 16);
    /** Listed directories in file order (seq). */
    private final List<DirNode> listedNodes = new ArrayList<>(1 << 12);
    private final Histograms histograms = new Histograms();
    private final long scanDate;
    private final boolean hasScanDate;
    private final Consumer<String> rejects;

    private int listed;
    private long entries;
    private long files;
    private long rejected;
    private long duplicateDirectories;
    private long orphanFiles;
    private List<DirNode> directories;

    /**
     * @param scanDate naive local seconds of the scan date (midnight), or {@link FileEntry#NO_TIME}
     * @param rejects  receives "line: reason" for every rejected line
     */
    public ScanTree(long scanDate, Consumer<String> rejects) {
        this.scanDate = scanDate;
        this.hasScanDate = scanDate != FileEntry.NO_TIME;
        this.rejects = rejects;
    }

    @Override
    public void accept(FileEntry e) {
        entries++;
        String path = e.path();
        if (e.directory()) {
            directory(path);
            return;
        }
        DirNode parent = node(parentOf(path));
        files++;
        long allocated = e.allocated();
        long atime = e.atime();
        parent.addFile(allocated, atime, e.uid(), e.gid());
        boolean noTime = !hasScanDate || atime == FileEntry.NO_TIME;
        histograms.add(e.uid(), Buckets.access(atime, scanDate, noTime), Buckets.size(allocated), allocated);
    }

    /** A directory line: listed once (repeats are counted, not added), its parent's dirsNr. */
    private void directory(String path) {
        DirNode parent = node(parentOf(path));
        DirNode self = node(path);
        if (self.seq >= 0) {
            duplicateDirectories++; // counted once: a repeated line must not double dir_count
            return;
        }
        self.seq = listed++;
        self.depth = depthOf(path);
        self.parent = parent; // the parent path's node; finish() keeps it only if that is listed
        listedNodes.add(self);
        if (parent != self) {
            parent.dirsNr++;
        }
    }

    /**
     * Adds the next chunk of the input, as if its lines came one by one; {@code lineOffset} is
     * the number of lines before the chunk.
     */
    void merge(ChunkAggregate c, long lineOffset) {
        entries += c.entries;
        files += c.files;
        for (String d : c.directories) {
            directory(d);
        }
        for (DirNode a : c.parents.values()) {
            DirNode p = node(a.path);
            p.filesNr += a.filesNr;
            p.sizeNr += a.sizeNr;
            if (a.atimeNr > p.atimeNr) {
                p.atimeNr = a.atimeNr;
            }
            p.uidNr = DirNode.merge(p.uidNr, a.uidNr);
            p.gidNr = DirNode.merge(p.gidNr, a.gidNr);
        }
        histograms.addAll(c.histograms);
        for (int i = 0; i < c.rejectLines.size(); i++) {
            reject(lineOffset + c.rejectLines.get(i)[0], c.rejectReasons.get(i));
        }
    }

    long scanDate() {
        return scanDate;
    }

    @Override
    public void reject(long line, String reason) {
        rejected++;
        rejects.accept(line + ": " + reason);
    }

    private DirNode node(String path) {
        DirNode n = byPath.get(path);
        if (n == null) {
            n = new DirNode(path);
            byPath.put(path, n);
        }
        return n;
    }

    /** Text before the last '/'; "/" for a top-level path; "" for a bare name. */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** The number of '/' in the path (the reference's absolute depth); "/" itself is 0. */
    static int depthOf(String path) {
        if (path.equals("/")) {
            return 0;
        }
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    /** Orders, links and rolls up; afterwards {@link #directories()} is in dir_id order. */
    public void finish() {
        for (DirNode n : byPath.values()) {
            if (n.seq < 0) {
                orphanFiles += n.filesNr; // their parent directory is not in the scan
            }
        }
        List<DirNode> dirs = byDepth(listedNodes);
        listedNodes.clear();
        for (int i = 0; i < dirs.size(); i++) {
            DirNode n = dirs.get(i);
            n.id = i;
            n.filesR = n.filesNr;
            n.sizeR = n.sizeNr;
            n.dirsR = n.dirsNr;
            n.atimeR = n.atimeNr;
            n.uidR = n.uidNr;
            n.gidR = n.gidNr;
        }
        for (DirNode n : dirs) {
            DirNode p = n.parent;
            n.parent = p != null && p.seq >= 0 && p != n ? p : null;
        }
        // Children have larger ids than their parent (one more '/'), so one backward sweep
        // finishes every subtree before its parent reads it.
        for (int i = dirs.size() - 1; i >= 0; i--) {
            DirNode n = dirs.get(i);
            DirNode p = n.parent;
            if (p != null) {
                p.filesR += n.filesR;
                p.sizeR += n.sizeR;
                p.dirsR += n.dirsR;
                if (n.atimeR > p.atimeR) {
                    p.atimeR = n.atimeR;
                }
                p.uidR = DirNode.merge(p.uidR, n.uidR);
                p.gidR = DirNode.merge(p.gidR, n.gidR);
            }
        }
        byPath.clear();
        directories = dirs;
    }

    /** Stable counting sort by depth: depth order, file order within a depth. */
    private static List<DirNode> byDepth(List<DirNode> inFileOrder) {
        int maxDepth = 0;
        for (DirNode n : inFileOrder) {
            maxDepth = Math.max(maxDepth, n.depth);
        }
        int[] start = new int[maxDepth + 2];
        for (DirNode n : inFileOrder) {
            start[n.depth + 1]++;
        }
        for (int d = 1; d < start.length; d++) {
            start[d] += start[d - 1];
        }
        DirNode[] out = new DirNode[inFileOrder.size()];
        for (DirNode n : inFileOrder) {
            out[start[n.depth]++] = n;
        }
        return java.util.Arrays.asList(out);
    }

    List<DirNode> directories() {
        return directories;
    }

    Histograms histograms() {
        return histograms;
    }

    public long entries() { return entries; }
    public long files() { return files; }
    public long rejected() { return rejected; }
    public long orphanFiles() { return orphanFiles; }
    public long duplicateDirectories() { return duplicateDirectories; }
    public int directoryCount() { return listed; }

    /** Live directory paths held, for memory figures. */
    public int pathsHeld() {
        return byPath.size();
    }
}
