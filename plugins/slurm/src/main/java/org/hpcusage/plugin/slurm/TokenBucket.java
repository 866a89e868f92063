package org.hpcusage.plugin.slurm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The reference's token bucket (slurm-scoreboard.md §1.4): capacity {@code perMinute} tokens,
 * starting full, refilled continuously at {@code perMinute} a minute; a call takes one token,
 * waiting {@code (1 − tokens) × 60 / perMinute} seconds when fewer than one is left.
 *
 * <p>Two fixes (defect D13): a rate below 1 a minute is refused instead of dividing by zero, and
 * with a state file the bucket is kept on disk under an exclusive file lock, so the limit holds
 * across processes (every cron tick of the reference started with a full bucket).
 */
final class TokenBucket {

    /** Time, replaceable in tests. */
    interface Clock {
        long millis();

        void sleep(long millis) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            public long millis() {
                return System.currentTimeMillis();
            }

            public void sleep(long millis) throws InterruptedException {
                Thread.sleep(millis);
            }
        };
    }

    private final double capacity;
    private final Clock clock;
    private final Path stateFile;
    private double tokens;
    private long last;

    TokenBucket(double perMinute, Clock clock, Path stateFile) {
        if (!(perMinute >= 1)) {
            throw new IllegalArgumentException("sacct rate must be at least 1 call a minute, not " + perMinute);
        }
        this.capacity = perMinute;
        this.clock = clock;
        this.stateFile = stateFile;
        this.tokens = perMinute;
        this.last = clock.millis();
    }

    /** Takes one token, sleeping until there is one. */
    void take() throws IOException, InterruptedException {
        if (stateFile == null) {
            takeFrom(this);
            return;
        }
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(stateFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); var lock = ch.lock()) {
            read(ch);
            takeFrom(this);
            write(ch);
        }
    }

    private static void takeFrom(TokenBucket b) throws InterruptedException {
        b.refill();
        while (b.tokens < 1) {
            b.clock.sleep((long) Math.ceil((1 - b.tokens) * 60_000 / b.capacity));
            b.refill();
        }
        b.tokens -= 1;
    }

    private void refill() {
        long now = clock.millis();
        tokens = Math.min(capacity, tokens + Math.max(0, now - last) * capacity / 60_000);
        last = now;
    }

    /** State file: "tokens last-millis"; unreadable or empty means a full bucket. */
    private void read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 256));
        ch.read(buf, 0);
        String[] parts = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip().split(" ");
        try {
            if (parts.length == 2) {
                tokens = Math.min(capacity, Double.parseDouble(parts[0]));
                last = Long.parseLong(parts[1]);
                return;
            }
        } catch (NumberFormatException e) {
            // fall through: a full bucket
        }
        tokens = capacity;
        last = clock.millis();
    }

    private void write(FileChannel ch) throws IOException {
        byte[] b = (tokens + " " + last + "\n").getBytes(StandardCharsets.US_ASCII);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(b), 0);
    }

    double tokens() {
        return tokens;
    }
}
