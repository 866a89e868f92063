package org.hpcusage.plugin.posix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanSource;
import org.pf4j.Extension;

/**
 * Walks a local tree in parallel: one task per directory lists it and {@code lstat}s its
 * entries (symlinks are not followed and count as files); batches go through a bounded queue to
 * the calling thread, the only one that touches the sink. Java cannot read {@code st_blocks}, so
 * {@code allocated} is the size rounded up to 4 KiB (sparse and inode-resident files differ from
 * {@code find %b}). Unreadable directories are rejected with their path and skipped.
 */
@Extension
public final class PosixWalkScanSource implements ScanSource {
    private static final int BATCH = 512;
    private static final String ATTRIBUTES = "unix:size,uid,gid,mode,lastAccessTime";
    private static final Object END = new Object();

    @Override
    public String name() {
        return "posix";
    }

    /** A directory that could not be read. */
    private record Failure(String path, String reason) {
    }

    @Override
    public void scan(Path root, int threads, ZoneId zone, EntrySink sink) throws IOException {
        ZoneRules rules = zone.getRules();
        Path start = root.toAbsolutePath().normalize();
        Map<String, Object> rootAttributes = Files.readAttributes(start, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a directory: " + start);
        }
        sink.accept(entry(start.toString(), rootAttributes, true, rules));
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
        AtomicInteger pending = new AtomicInteger(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "posix-walk");
            t.setDaemon(true);
            return t;
        });
        try {
            pool.execute(new Lister(start, pool, queue, pending, rules));
            long failures = 0;
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    break;
                }
                if (item instanceof Failure f) {
                    sink.reject(++failures, f.path() + ": " + f.reason());
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<FileEntry> batch = (List<FileEntry>) item;
                for (FileEntry e : batch) {
                    sink.accept(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("walk interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileEntry entry(String path, Map<String, Object> a, boolean directory, ZoneRules zone) {
        long size = (Long) a.get("size");
        long uid = ((Number) a.get("uid")).longValue() & 0xffffffffL;
        long gid = ((Number) a.get("gid")).longValue() & 0xffffffffL;
        FileTime atime = (FileTime) a.get("lastAccessTime");
        long epoch = atime.toInstant().getEpochSecond();
        long local = epoch + zone.getOffset(atime.toInstant()).getTotalSeconds();
        long allocated = (size + 4095) / 4096 * 4096;
        return new FileEntry(path, size, allocated, uid, gid, directory, local);
    }

    /** Lists one directory; queues its entries and a task per sub-directory. */
    private record Lister(Path dir, ExecutorService pool, BlockingQueue<Object> queue, AtomicInteger pending, ZoneRules zone)
            implements Runnable {
        @Override
        public void run() {
            try {
                List<FileEntry> batch = new ArrayList<>(BATCH);
                try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                    for (Path child : children) {
                        Map<String, Object> a;
                        try {
                            a = Files.readAttributes(child, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                        } catch (IOException e) {
                            continue; // vanished between listing and stat
                        }
                        int mode = (Integer) a.get("mode");
                        boolean directory = (mode & 0170000) == 0040000;
                        batch.add(entry(child.toString(), a, directory, zone));
                        if (directory) {
                            pending.incrementAndGet();
                            pool.execute(new Lister(child, pool, queue, pending, zone));
                        }
                        if (batch.size() == BATCH) {
                            queue.put(batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                } catch (IOException e) {
                    queue.put(new Failure(dir.toString(), e.getClass().getSimpleName().replace("Exception", "")
                            .replace("AccessDenied", "permission denied")));
                }
                if (!batch.isEmpty()) {
                    queue.put(batch);
                }
                if (pending.decrementAndGet() == 0) {
                    queue.put(END);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
