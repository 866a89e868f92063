package org.hpcusage.core.ingest;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compression of archived raw records. Accounting lines of one machine share most of their
 * text (attribute names, host names, queue names), so zstd with a dictionary trained on that
 * machine's own records compresses each short line far better than gzip can on its own.
 */
public final class RecordCodec {

    /** Codec ids as stored in {@code job_records.codec}. */
    public static final int GZIP = 1;
    public static final int ZSTD = 2;
    public static final int ZSTD_DICTIONARY = 3;

    /** Fewer samples than this make a dictionary that does more harm than good. */
    public static final int MIN_TRAINING_SAMPLES = 200;
    /** Training time grows with the sample; 4 000 records already capture a machine's vocabulary. */
    public static final int MAX_TRAINING_SAMPLES = 4_000;
    private static final int MAX_DICTIONARY_BYTES = 64 * 1024;
    private static final int LEVEL = 3;

    private RecordCodec() {
    }

    /** Compresses records one way for the life of a sync. */
    public interface Compressor {
        int codec();

        /** The dictionary's id, for {@link #ZSTD_DICTIONARY}; null otherwise. */
        Long dictionaryId();

        byte[] compress(String raw);
    }

    public static Compressor gzip() {
        return new Compressor() {
            public int codec() { return GZIP; }
            public Long dictionaryId() { return null; }
            public byte[] compress(String raw) { return gzip(raw.getBytes(StandardCharsets.UTF_8)); }
        };
    }

    public static Compressor zstd() {
        return new Compressor() {
            public int codec() { return ZSTD; }
            public Long dictionaryId() { return null; }
            public byte[] compress(String raw) { return Zstd.compress(raw.getBytes(StandardCharsets.UTF_8), LEVEL); }
        };
    }

    /** Not thread-safe: one compression context, reused for every record of a sync. */
    public static Compressor zstd(long dictionaryId, byte[] dictionary) {
        ZstdCompressCtx context = new ZstdCompressCtx();
        context.setLevel(LEVEL);
        context.loadDict(new ZstdDictCompress(dictionary, LEVEL));
        return new Compressor() {
            public int codec() { return ZSTD_DICTIONARY; }
            public Long dictionaryId() { return dictionaryId; }
            public byte[] compress(String raw) { return context.compress(raw.getBytes(StandardCharsets.UTF_8)); }
        };
    }

    /**
     * Trains a dictionary on sample records. Returns null when there are too few samples or
     * zstd cannot build one from them; the caller then compresses without a dictionary.
     */
    public static byte[] train(List<String> samples) {
        if (samples.size() < MIN_TRAINING_SAMPLES) {
            return null;
        }
        long total = 0;
        for (String s : samples) {
            total += s.length();
        }
        int dictSize = (int) Math.min(MAX_DICTIONARY_BYTES, Math.max(4096, total / 20));
        ZstdDictTrainer trainer = new ZstdDictTrainer((int) Math.min(Integer.MAX_VALUE - 64, total * 2 + 1024), dictSize);
        for (String s : samples) {
            trainer.addSample(s.getBytes(StandardCharsets.UTF_8));
        }
        try {
            byte[] dict = trainer.trainSamples();
            return dict == null || dict.length == 0 ? null : dict;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Restores a record; {@code dictionary} is needed for {@link #ZSTD_DICTIONARY} only. */
    public static String decompress(int codec, byte[] data, byte[] dictionary) {
        byte[] raw = switch (codec) {
            case GZIP -> gunzip(data);
            case ZSTD -> Zstd.decompress(data, (int) Zstd.getFrameContentSize(data));
            case ZSTD_DICTIONARY -> {
                if (dictionary == null) {
                    throw new IllegalStateException("record needs a dictionary that is missing");
                }
                try (ZstdDictDecompress dict = new ZstdDictDecompress(dictionary)) {
                    yield Zstd.decompress(data, dict, (int) Zstd.getFrameContentSize(data));
                }
            }
            default -> throw new IllegalStateException("unknown record codec " + codec);
        };
        return new String(raw, StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(6);
            }
        }) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
