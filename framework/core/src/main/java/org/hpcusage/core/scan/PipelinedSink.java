package org.hpcusage.core.scan;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;

/**
 * Runs a producer (the parser) on its own thread and hands its entries in batches to a sink on
 * the calling thread, so parsing and aggregation use two cores. The target sink still sees one
 * thread, in input order.
 */
final class PipelinedSink implements EntrySink {
    private static final int BATCH = 4096;
    private static final Object[] END = new Object[0];

    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(64);
    private Object[] batch = new Object[BATCH];
    private int size;
    private volatile Throwable failure;

    /** A rejected line travelling with the entries, so reports keep their order. */
    private record Reject(long line, String reason) {
    }

    private PipelinedSink() {
    }

    static void run(ScanImporter.Producer producer, EntrySink target) throws IOException {
        PipelinedSink pipe = new PipelinedSink();
        Thread parser = new Thread(() -> {
            try {
                producer.produce(pipe);
                if (pipe.size > 0) {
                    pipe.put(Arrays.copyOf(pipe.batch, pipe.size));
                }
            } catch (Throwable t) {
                pipe.failure = t;
            } finally {
                pipe.put(END);
            }
        }, "scan-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            while (true) {
                Object[] items = pipe.queue.take();
                if (items == END) {
                    break;
                }
                for (Object item : items) {
                    if (item instanceof FileEntry e) {
                        target.accept(e);
                    } else {
                        Reject r = (Reject) item;
                        target.reject(r.line(), r.reason());
                    }
                }
            }
            parser.join();
        } catch (InterruptedException e) {
            parser.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (RuntimeException | Error e) {
            parser.interrupt(); // the consumer failed: stop the parser, which may wait on a full queue
            throw e;
        }
        Throwable t = pipe.failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IOException(t);
        }
    }

    @Override
    public void accept(FileEntry entry) {
        add(entry);
    }

    @Override
    public void reject(long line, String reason) {
        add(new Reject(line, reason));
    }

    private void add(Object item) {
        batch[size++] = item;
        if (size == BATCH) {
            put(batch);
            batch = new Object[BATCH];
            size = 0;
        }
    }

    private void put(Object[] items) {
        try {
            queue.put(items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import stopped");
        }
    }
}
