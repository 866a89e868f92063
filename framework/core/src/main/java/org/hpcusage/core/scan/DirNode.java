package org.hpcusage.core.scan;

import org.hpcusage.spi.scan.FileEntry;

/**
 * What the import keeps per directory path while it reads: the non-recursive counters of the
 * direct children, and later the recursive ones. One per directory, never per file, so memory
 * grows with directories only. Owners are encoded as {@link #NONE} (no file yet),
 * {@link #MULTIPLE} or the single id.
 */
final class DirNode {
    static final long NONE = -1;
    static final long MULTIPLE = -2;

    final String path;
    /** Order of its first directory line, or -1 while it has only been seen as a parent. */
    int seq = -1;
    int depth;
    int id = -1;
    /** While reading: the node of its parent path; after finish(): the listed parent, or null for a root. */
    DirNode parent;

    long filesNr;
    long sizeNr;
    long dirsNr;
    long atimeNr = FileEntry.NO_TIME;
    long uidNr = NONE;
    long gidNr = NONE;

    long filesR;
    long sizeR;
    long dirsR;
    long atimeR;
    long uidR;
    long gidR;

    DirNode(String path) {
        this.path = path;
    }

    /** Counts a file directly in this directory (the non-recursive statistics). */
    void addFile(long allocated, long atime, long uid, long gid) {
        filesNr++;
        sizeNr += allocated;
        if (atime != FileEntry.NO_TIME && atime > atimeNr) {
            atimeNr = atime;
        }
        uidNr = merge(uidNr, uid);
        gidNr = merge(gidNr, gid);
    }

    /** The single owner of two sets of files, as the encoding above. */
    static long merge(long a, long b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE || a == b) {
            return a;
        }
        return MULTIPLE;
    }

    String name() {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        return name.isEmpty() ? path : name;
    }
}
