package org.hpcusage.core.report.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Renders a {@link Report} in one of the {@link OutputFormat}s (job-history §7.2).
 *
 * <ul>
 *   <li>{@code TABLE} and {@code JSON} go to the stream given at construction (text is encoded
 *       by that stream; JSON is pure ASCII). Lines end with {@code \n} on every platform.</li>
 *   <li>{@code CSV}, {@code MD}, {@code DAT} and {@code JSON_FILE} are written in UTF-8 to
 *       {@code <outputDir>/<fileBaseName>.<ext>}; the directory is created if missing. The file
 *       is first written to a hidden temporary file in the same directory and then moved over
 *       the target, so a failure never leaves a partial or header-only file behind (the
 *       reference did). Then {@code Report saved to <absolute path>} is printed on the stream.</li>
 * </ul>
 * Rows are streamed to a buffered writer; the output is never built as one string.
 * {@link ReportFileNames} builds the reference's file base names.
 */
public final class ReportWriter {

    private static final int BUFFER = 1 << 16;

    private final PrintStream out;

    public ReportWriter(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Renders the report. For {@code TABLE} and {@code JSON} writes to {@code out} and returns
     * {@code null} ({@code outputDir} and {@code fileBaseName} are ignored and may be
     * {@code null}). For file formats creates {@code outputDir} if missing ({@code null} = the
     * current directory), writes {@code <fileBaseName>.<ext>} in it, prints
     * {@code Report saved to <absolute path>} on {@code out} and returns that absolute path.
     *
     * @throws IllegalArgumentException if a file format gets a {@code fileBaseName} that is
     *                                  null, blank or contains a path separator
     */
    public Path write(Report report, OutputFormat format, Path outputDir, String fileBaseName) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(format, "format");
        if (!format.writesFile()) {
            Writer w = new BufferedWriter(new PrintStreamWriter(out), BUFFER);
            render(report, format, w);
            w.flush();
            return null;
        }
        checkBaseName(fileBaseName);
        Path dir = (outputDir == null ? Path.of("") : outputDir).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path target = dir.resolve(fileBaseName + "." + format.extension());
        Path temp = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                render(report, format, w);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        out.print("Report saved to " + target + "\n");
        out.flush();
        return target;
    }

    /** Renders {@code report} in {@code format} to {@code w} without flushing or closing it. */
    static void render(Report report, OutputFormat format, Writer w) throws IOException {
        switch (format) {
            case TABLE:
                TableRenderer.render(report, w);
                break;
            case JSON:
                JsonRenderer.renderEnvelope(report, w);
                break;
            case JSON_FILE:
                JsonRenderer.renderRows(report, w);
                break;
            case CSV:
                CsvRenderer.render(report, w);
                break;
            case MD:
                MarkdownRenderer.render(report, w);
                break;
            case DAT:
                DatRenderer.render(report, w);
                break;
            default:
                throw new IllegalStateException("unhandled format " + format);
        }
    }

    private static void checkBaseName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("file base name must not be blank");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("file base name must be a plain file name, got '" + name + "'");
        }
    }

    /** Forwards characters to a {@link PrintStream}, which encodes them with its own charset. */
    private static final class PrintStreamWriter extends Writer {
        private final PrintStream out;

        PrintStreamWriter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            out.print(new String(buffer, offset, length));
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
