package org.hpcusage.plugin.posix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanLines;
import org.hpcusage.spi.scan.ScanSource;
import org.pf4j.Extension;

/**
 * Walks a tree with GNU find, which reads each directory and {@code lstat}s its entries in C:
 * several times cheaper per entry than Java's attribute views, and it gives {@code st_blocks}
 * ({@code %b}), so {@code allocated} is exact. Records end in NUL, so names with newlines
 * survive. With more than one thread, the top directory is listed first and each of its
 * sub-directories gets its own find (up to {@code threads} at once), as the reference's Lustre
 * scan splits its tree; records are parsed on the thread that reads that find's output.
 * Unreadable directories (find's messages) are rejected. Needs GNU find on the PATH
 * ({@link #available()}); {@code --source posix} walks in Java without it.
 */
@Extension
public final class FindScanSource implements ScanSource {
    /** The layout of {@link PosixFindScanParser}, NUL-terminated. */
    static final String PRINTF = "s=%s b=%b u=%U g=%G type=%y a=%A@ -- %p\\0";
    private static final int BATCH = 1024;
    private static final Object END = new Object();
    private static volatile Boolean available;

    @Override
    public String name() {
        return "find";
    }

    /** Whether {@code find} on the PATH is GNU find (which has {@code -printf}). */
    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            a = false;
            try {
                Process p = new ProcessBuilder("find", "--version").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                a = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("GNU findutils");
            } catch (IOException e) {
                a = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            available = a;
        }
        return a;
    }

    /** A find's complaint, e.g. a directory it could not read. */
    private record Failure(String message) {
    }

    @Override
    public void scan(Path root, int threads, ZoneId zone, EntrySink sink) throws IOException {
        if (!available()) {
            throw new IOException("GNU find is not on the PATH (--source posix walks without it)");
        }
        Path start = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a directory: " + start);
        }
        ZoneRules rules = zone.getRules();
        long[] failures = {0};
        if (threads <= 1) {
            run(List.of(start.toString()), rules, sink::accept, m -> sink.reject(++failures[0], m));
            return;
        }
        // The top directory and its direct entries, then one find per sub-directory.
        ConcurrentLinkedQueue<String> subdirs = new ConcurrentLinkedQueue<>();
        String top = start.toString();
        run(List.of(top, "-maxdepth", "1"), rules, e -> {
            sink.accept(e);
            if (e.directory() && !e.path().equals(top)) {
                subdirs.add(e.path());
            }
        }, m -> sink.reject(++failures[0], m));
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
        int workers = Math.min(threads, Math.max(1, subdirs.size()));
        AtomicInteger running = new AtomicInteger(workers);
        List<Thread> pool = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> work(subdirs, rules, queue, running), "find-walk");
            t.setDaemon(true);
            pool.add(t);
            t.start();
        }
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    break;
                }
                if (item instanceof Failure f) {
                    sink.reject(++failures[0], f.message());
                } else if (item instanceof IOException e) {
                    throw e;
                } else {
                    @SuppressWarnings("unchecked")
                    List<FileEntry> batch = (List<FileEntry>) item;
                    for (FileEntry e : batch) {
                        sink.accept(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("walk interrupted", e);
        } finally {
            for (Thread t : pool) {
                t.interrupt();
            }
        }
    }

    /** A worker: one find per sub-directory until none is left; batches to the queue. */
    private static void work(ConcurrentLinkedQueue<String> subdirs, ZoneRules rules, BlockingQueue<Object> queue,
                             AtomicInteger running) {
        try {
            try {
                String dir;
                while ((dir = subdirs.poll()) != null) {
                    List<List<FileEntry>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
                    run(List.of(dir, "-mindepth", "1"), rules, e -> {
                        List<FileEntry> b = batch.get(0);
                        b.add(e);
                        if (b.size() == BATCH) {
                            put(queue, b);
                            batch.set(0, new ArrayList<>(BATCH));
                        }
                    }, m -> put(queue, new Failure(m)));
                    if (!batch.get(0).isEmpty()) {
                        put(queue, batch.get(0));
                    }
                }
            } catch (IOException e) {
                put(queue, e);
            }
            if (running.decrementAndGet() == 0) {
                put(queue, END);
            }
        } catch (IllegalStateException stopped) {
            // the scan was abandoned
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("walk stopped");
        }
    }

    private interface Entries {
        void accept(FileEntry e);
    }

    private interface Messages {
        void accept(String message);
    }

    /** Runs {@code find ARGS -printf PRINTF}, parsing its records as they come. */
    private static void run(List<String> args, ZoneRules zone, Entries entries, Messages messages) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("find");
        command.addAll(args);
        command.add("-printf");
        command.add(PRINTF);
        Path errors = Files.createTempFile("hpcusage-find", ".err");
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        try {
            try (InputStream in = p.getInputStream()) {
                ScanLines records = new ScanLines(in, (byte) 0);
                while (records.next()) {
                    if (records.tooLong()) {
                        messages.accept("find record over " + ScanLines.MAX_LINE_LENGTH + " bytes skipped");
                        continue;
                    }
                    Object r = PosixFindScanParser.record(records.buffer(), records.start(), records.end(), zone);
                    if (r instanceof FileEntry e) {
                        entries.accept(e);
                    } else {
                        messages.accept("unreadable find record: " + r);
                    }
                }
            }
            int exit = p.waitFor();
            List<String> complaints = Files.readAllLines(errors, StandardCharsets.UTF_8);
            for (String c : complaints) {
                messages.accept(c.startsWith("find: ") ? c.substring(6) : c);
            }
            if (exit != 0 && complaints.isEmpty()) {
                throw new IOException("find exited with status " + exit + " on " + args.get(0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("walk interrupted", e);
        } finally {
            p.destroy();
            Files.deleteIfExists(errors);
        }
    }
}
