package org.hpcusage.core.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpcusage.spi.scan.ScanInput;
import org.hpcusage.spi.scan.ScanLines;
import org.hpcusage.spi.scan.ScanParser;

/**
 * Parses a scan file on several threads: a reader cuts the bytes into chunks of whole lines,
 * parser threads turn each chunk into a {@link ChunkAggregate}, and the calling thread merges
 * them into the {@link ScanTree} in file order (so directory ids, rejects and every counter are
 * the same as with one thread). Only for formats whose lines stand alone (the bundled ones);
 * other parsers read the whole stream on one thread.
 */
final class ChunkedParse {
    /** Formats whose parser reads each line independently and may run on several chunks at once. */
    static final Set<String> LINE_FORMATS = Set.of("gpfs", "lustre", "posix");

    static final int CHUNK = 4 << 20;
    private static final Future<ChunkAggregate> END = CompletableFuture.completedFuture(null);

    private final ScanParser parser;
    private final String sourceName;
    private final ZoneId zone;
    private final long scanDate;
    private final ExecutorService pool;
    private final BlockingQueue<Future<ChunkAggregate>> ordered;
    private final BlockingQueue<byte[]> free;
    private final int chunkSize;
    private volatile Throwable readFailure;

    private ChunkedParse(ScanParser parser, String sourceName, ZoneId zone, long scanDate, int workers, int chunkSize) {
        this.chunkSize = chunkSize;
        this.parser = parser;
        this.sourceName = sourceName;
        this.zone = zone;
        this.scanDate = scanDate;
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "scan-parse");
            t.setDaemon(true);
            return t;
        });
        this.ordered = new ArrayBlockingQueue<>(2 * workers + 2);
        this.free = new ArrayBlockingQueue<>(4 * workers + 4);
    }

    static boolean supports(ScanParser parser) {
        return LINE_FORMATS.contains(parser.format());
    }

    static int workers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Reads all of {@code in} into {@code tree}. */
    static void run(ScanParser parser, String sourceName, InputStream in, ZoneId zone, ScanTree tree, int workers)
            throws IOException {
        run(parser, sourceName, in, zone, tree, workers, CHUNK);
    }

    /** With a given chunk size (bytes; a chunk grows to hold a longer line). */
    static void run(ScanParser parser, String sourceName, InputStream in, ZoneId zone, ScanTree tree, int workers,
                    int chunkSize) throws IOException {
        ChunkedParse p = new ChunkedParse(parser, sourceName, zone, tree.scanDate(), workers, chunkSize);
        Thread reader = new Thread(() -> p.read(in), "scan-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            long lineOffset = 0;
            while (true) {
                Future<ChunkAggregate> f = p.ordered.take();
                if (f == END) {
                    break;
                }
                ChunkAggregate chunk = f.get();
                tree.merge(chunk, lineOffset);
                lineOffset += chunk.lines;
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            reader.interrupt();
            p.pool.shutdownNow();
        }
        if (p.readFailure != null) {
            throw rethrow(p.readFailure);
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IOException(t);
    }

    /** The reader thread: whole-line chunks to the parser threads, in order, then END. */
    private void read(InputStream in) {
        try {
            byte[] buf = buffer(chunkSize);
            int len = 0;
            while (true) {
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    if (len > 0) {
                        submit(buf, len, null);
                    }
                    return;
                }
                len += n;
                if (len < buf.length) {
                    continue;
                }
                int cut = afterLastNewline(buf, len);
                if (cut < 0) {
                    if (len > chunkSize + ScanLines.MAX_LINE_LENGTH) {
                        // An over-long line (binary junk?): the rest goes to one parser as a stream,
                        // which skips the line and flags it as the one-thread path does.
                        submit(buf, len, in);
                        return;
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                    continue;
                }
                byte[] next = buffer(Math.max(chunkSize, 2 * (len - cut)));
                System.arraycopy(buf, cut, next, 0, len - cut);
                submit(buf, cut, null);
                buf = next;
                len = len - cut;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            readFailure = t;
        } finally {
            try {
                ordered.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] buffer(int size) {
        byte[] b = free.poll();
        return b != null && b.length >= size ? b : new byte[size];
    }

    /** Parses {@code buf[0, len)} (followed by {@code rest} when given) on a parser thread. */
    private void submit(byte[] buf, int len, InputStream rest) throws InterruptedException {
        ordered.put(pool.submit(() -> {
            ChunkAggregate chunk = new ChunkAggregate(scanDate);
            InputStream bytes = new ByteArrayInputStream(buf, 0, len);
            if (rest == null) {
                chunk.lines = newlines(buf, len);
                parser.parse(new ScanInput(sourceName, bytes, zone), chunk);
                free.offer(buf);
            } else {
                parser.parse(new ScanInput(sourceName, new SequenceInputStream(bytes, rest), zone), chunk);
            }
            return chunk;
        }));
    }

    static int afterLastNewline(byte[] b, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

    /** Counts '\n' bytes, eight at a time (exact zero-byte test on {@code word ^ 0x0a..}). */
    static long newlines(byte[] b, int len) {
        long n = 0;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long v = (long) LONGS.get(b, i) ^ NEWLINES;
            long t = ~(((v & LOW7) + LOW7) | v | LOW7); // high bit set exactly in the zero bytes
            n += Long.bitCount(t);
        }
        for (; i < len; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
