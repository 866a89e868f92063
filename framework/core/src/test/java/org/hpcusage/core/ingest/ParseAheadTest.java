package org.hpcusage.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hpcusage.spi.accounting.JobRecord;
import org.junit.jupiter.api.Test;

class ParseAheadTest {

    private static JobRecord job(int n) {
        return JobRecord.builder(n + ".host").build();
    }

    @Test
    void batchesArriveInInputOrderWithTheirRejections() throws IOException {
        // 7 jobs and 2 rejections in batches of 3: [0 1 2] [3 4 r1 5] [6 r2] -> 3 batches.
        ParseAhead.Source source = sink -> {
            for (int i = 0; i < 7; i++) {
                sink.accept(job(i));
                if (i == 3) {
                    sink.reject(10, "first");
                }
            }
            sink.reject(20, "second");
        };
        List<String> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int batches = 0;
        try (ParseAhead<String> ahead = ParseAhead.start("t", source, JobRecord::jobId, 3)) {
            for (ParseAhead.Batch<String> b; (b = ahead.next()) != null; ) {
                batches++;
                assertTrue(b.jobs().size() <= 3);
                ids.addAll(b.jobs());
                b.rejections().forEach(r -> reasons.add(r.line() + ":" + r.reason()));
            }
            assertNull(ahead.next(), "the end stays the end");
        }
        assertEquals(List.of("0.host", "1.host", "2.host", "3.host", "4.host", "5.host", "6.host"), ids);
        assertEquals(List.of("10:first", "20:second"), reasons);
        assertEquals(3, batches);
    }

    @Test
    void anEmptyInputEndsAtOnce() throws IOException {
        try (ParseAhead<String> ahead = ParseAhead.start("t", sink -> { }, JobRecord::jobId, 10)) {
            assertNull(ahead.next());
        }
    }

    @Test
    void aParserFailureReachesTheWriterAfterTheBatchesBeforeIt() throws IOException {
        ParseAhead.Source source = sink -> {
            sink.accept(job(1));
            sink.accept(job(2));
            throw new IOException("disk gone");
        };
        try (ParseAhead<String> ahead = ParseAhead.start("t", source, JobRecord::jobId, 2)) {
            assertEquals(List.of("1.host", "2.host"), ahead.next().jobs());
            IOException e = assertThrows(IOException.class, ahead::next);
            assertEquals("disk gone", e.getMessage());
        }
    }

    @Test
    void aFailureWhilePreparingAJobIsRethrownAsItself() {
        ParseAhead.Source source = sink -> sink.accept(job(1));
        try (ParseAhead<String> ahead = ParseAhead.start("t", source, j -> {
            throw new IllegalArgumentException("bad job");
        }, 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ahead::next);
            assertEquals("bad job", e.getMessage());
        }
    }

    @Test
    void closingEarlyStopsAParserBlockedOnAFullQueue() throws Exception {
        AtomicBoolean reachedEnd = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        ParseAhead.Source endless = sink -> {
            try {
                for (int i = 0; i < 1_000_000; i++) {
                    sink.accept(job(i)); // blocks once the queue is full: nobody reads
                }
                reachedEnd.set(true);
            } finally {
                stopped.countDown();
            }
        };
        ParseAhead<String> ahead = ParseAhead.start("t", endless, JobRecord::jobId, 1);
        ahead.next(); // the writer takes one batch, then fails and leaves
        ahead.close();
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the parser's thread did not stop");
        assertFalse(reachedEnd.get(), "the parser ran on after the writer left");
    }
}
