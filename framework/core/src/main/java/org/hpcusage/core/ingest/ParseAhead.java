package org.hpcusage.core.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.accounting.JobSink;

/**
 * Runs a parser on its own thread, one bounded queue of batches ahead of the thread that writes.
 * Parsing and everything that needs no database (charging, compressing the raw record) happen
 * on the parser's thread; the writer only binds and executes. On two cores the two halves of a
 * sync overlap instead of taking turns, and the queue's bound keeps the heap at a few batches
 * however large the input.
 *
 * @param <T> what the parser's thread makes of each job for the writer
 */
final class ParseAhead<T> implements AutoCloseable {

    /** A source of jobs: typically "parse this file into that sink". */
    interface Source {
        void parseInto(JobSink sink) throws IOException;
    }

    /** A rejected record, handed to the writer's thread so that listeners stay single-threaded. */
    record Rejection(long line, String reason) {
    }

    /** Up to one batch of prepared jobs and the rejections met while reading them. */
    record Batch<T>(List<T> jobs, List<Rejection> rejections) {
    }

    /** Batches in flight; each holds up to batch-size jobs, so the heap holds a few batches at most. */
    private static final int QUEUE_DEPTH = 4;

    private final BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(QUEUE_DEPTH);
    private final Batch<T> end = new Batch<>(List.of(), List.of());
    private final Thread thread;
    private volatile Throwable failure;
    private boolean finished;

    private ParseAhead(String name, Source source, Function<JobRecord, T> prepare, int batchSize) {
        thread = new Thread(() -> produce(source, prepare, batchSize), name);
        thread.setDaemon(true);
    }

    /** Starts parsing at once; {@link #next()} takes the batches in input order. */
    static <T> ParseAhead<T> start(String name, Source source, Function<JobRecord, T> prepare, int batchSize) {
        ParseAhead<T> ahead = new ParseAhead<>(name, source, prepare, batchSize);
        ahead.thread.start();
        return ahead;
    }

    private void produce(Source source, Function<JobRecord, T> prepare, int batchSize) {
        try {
            BatchingSink sink = new BatchingSink(prepare, batchSize);
            source.parseInto(sink);
            sink.handOver();
        } catch (Stopped e) {
            return; // the writer gave up and closed us; nobody waits for the end marker
        } catch (Throwable e) {
            failure = e;
        }
        try {
            queue.put(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects jobs and rejections on the parser's thread and hands them over a batch at a time. */
    private final class BatchingSink implements JobSink {
        private final Function<JobRecord, T> prepare;
        private final int batchSize;
        private List<T> jobs;
        private List<Rejection> rejections = new ArrayList<>();

        BatchingSink(Function<JobRecord, T> prepare, int batchSize) {
            this.prepare = prepare;
            this.batchSize = batchSize;
            this.jobs = new ArrayList<>(batchSize);
        }

        @Override
        public void accept(JobRecord job) {
            jobs.add(prepare.apply(job));
            if (jobs.size() >= batchSize) {
                handOver();
            }
        }

        @Override
        public void reject(long line, String reason) {
            rejections.add(new Rejection(line, reason));
            if (rejections.size() >= batchSize) {
                handOver();
            }
        }

        void handOver() {
            if (jobs.isEmpty() && rejections.isEmpty()) {
                return;
            }
            try {
                queue.put(new Batch<>(jobs, rejections));
            } catch (InterruptedException e) {
                throw new Stopped();
            }
            jobs = new ArrayList<>(batchSize);
            rejections = new ArrayList<>();
        }
    }

    /**
     * The next batch, or null once the input is exhausted. A failure of the parser's thread is
     * rethrown here, on the writer's thread: I/O failures as {@link IOException}.
     */
    Batch<T> next() throws IOException {
        if (finished) {
            return null;
        }
        Batch<T> batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the parser", e);
        }
        if (batch != end) {
            return batch;
        }
        finished = true;
        Throwable e = failure;
        if (e == null) {
            return null;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    /** Stops the parser's thread if the writer leaves early (a failure), and waits for it. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            queue.clear();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Unwinds the parser when the writer has gone. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
