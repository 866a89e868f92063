package org.hpcusage.core.scoreboard;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The per-cluster lock file ({@code clusters/<c>/state/lock}) that poll, back-fill and discovery
 * hold while they fetch and import, so two of them never call the scheduler for one cluster at
 * once. An OS file lock: it goes with the process, so a killed run leaves nothing to clean up.
 */
final class ClusterLock {
    private ClusterLock() {
    }

    interface Work<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding the lock in {@code state}, or returns null at once when another process holds it. */
    static <T> T tryWith(Path state, Work<T> work) throws IOException {
        AtomicFiles.createReadableDirectories(state.getParent());
        AtomicFiles.createReadableDirectories(state);
        try (FileChannel channel = FileChannel.open(state.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                return null;
            }
            try {
                return work.run();
            } finally {
                lock.release();
            }
        }
    }
}
