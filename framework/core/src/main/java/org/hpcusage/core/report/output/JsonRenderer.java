package org.hpcusage.core.report.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * JSON exactly as the reference's {@code json.dump(..., indent=2)} prints it (job-history §7.2):
 * two-space indent, {@code "key": value}, {@code ,} at line ends, every array and object element
 * on its own line, {@code []} and {@code {}} when empty, keys in map order, and Python's default
 * {@code ensure_ascii}: every character outside printable ASCII (and DEL) is written as a
 * lower-case {@code \}{@code uXXXX} escape (non-BMP characters as their surrogate pair), with the
 * short escapes {@code \n \r \t \b \f \" \\}. The output is therefore plain ASCII.
 *
 * <p>Values: {@code Double} and {@code Float} as Python's float repr ({@code 12.0},
 * {@code 0.1}, {@code 1e-05}); {@code BigDecimal} as a float, as the reference's encoder does
 * ({@code float(Decimal)}: {@code 12} → {@code 12.0}); non-finite numbers as {@code null}
 * (Python would write {@code NaN}/{@code Infinity}, which is not JSON); integers as they are;
 * {@code LocalDate} → {@code "2026-01-01"}; {@code Instant}, {@code OffsetDateTime},
 * {@code ZonedDateTime} → {@code "2026-01-15T12:30:45"} in UTC and {@code LocalDateTime} the same
 * unconverted (naive UTC, seconds precision, no zone); {@code Boolean}; {@code Map} as an object;
 * a {@code Set} as a sorted array (the reference's encoder sorts sets); other collections and
 * arrays as arrays; anything else as its {@code toString()}.
 */
final class JsonRenderer {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .characterEscapes(new PythonAsciiEscapes())
            .build();

    private JsonRenderer() {
    }

    /** The whole envelope followed by a newline (the reference prints it). */
    static void renderEnvelope(Report report, Writer w) throws IOException {
        try (JsonGenerator g = generator(w)) {
            g.writeStartObject();
            g.writeFieldName("kind");
            g.writeString(report.kind());
            for (Map.Entry<String, Object> field : report.fields().entrySet()) {
                g.writeFieldName(field.getKey());
                value(g, field.getValue());
            }
            g.writeFieldName("columns");
            g.writeStartArray();
            for (Column column : report.columns()) {
                value(g, column.toEnvelope());
            }
            g.writeEndArray();
            g.writeFieldName("rows");
            rows(g, report.rows());
            g.writeEndObject();
        }
        w.write('\n');
    }

    /** Only the rows array, without a trailing newline (the reference's json-file). */
    static void renderRows(Report report, Writer w) throws IOException {
        try (JsonGenerator g = generator(w)) {
            rows(g, report.rows());
        }
    }

    private static JsonGenerator generator(Writer w) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(w);
        g.setPrettyPrinter(new PythonPrettyPrinter());
        return g;
    }

    private static void rows(JsonGenerator g, List<Map<String, Object>> rows) throws IOException {
        g.writeStartArray();
        for (Map<String, Object> row : rows) {
            value(g, row);
        }
        g.writeEndArray();
    }

    static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Double) {
            floating(g, (Double) v);
        } else if (v instanceof Integer) {
            g.writeNumber((Integer) v);
        } else if (v instanceof Long) {
            g.writeNumber((Long) v);
        } else if (v instanceof BigDecimal) {
            floating(g, ((BigDecimal) v).doubleValue());
        } else if (v instanceof Float) {
            floating(g, CellFormat.floatToDouble((Float) v));
        } else if (v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof BigInteger) {
            g.writeNumber((BigInteger) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof LocalDate) {
            g.writeString(v.toString());
        } else if (v instanceof Instant) {
            g.writeString(CellFormat.isoDateTime((Instant) v));
        } else if (v instanceof LocalDateTime) {
            g.writeString(CellFormat.dateTime((LocalDateTime) v, 'T'));
        } else if (v instanceof OffsetDateTime) {
            g.writeString(CellFormat.isoDateTime(((OffsetDateTime) v).toInstant()));
        } else if (v instanceof ZonedDateTime) {
            g.writeString(CellFormat.isoDateTime(((ZonedDateTime) v).toInstant()));
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Set && !(v instanceof SortedSet)) {
            array(g, sorted((Set<?>) v));
        } else if (v instanceof Iterable) {
            array(g, (Iterable<?>) v);
        } else if (v instanceof Object[]) {
            array(g, List.of((Object[]) v));
        } else {
            g.writeString(v.toString());
        }
    }

    private static void floating(JsonGenerator g, double d) throws IOException {
        if (Double.isFinite(d)) {
            g.writeNumber(PythonFloats.repr(d));
        } else {
            g.writeNull();
        }
    }

    private static void array(JsonGenerator g, Iterable<?> items) throws IOException {
        g.writeStartArray();
        for (Object item : items) {
            value(g, item);
        }
        g.writeEndArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Collection<?> sorted(Set<?> set) {
        List list = new ArrayList<>(set);
        try {
            list.sort(null);
        } catch (ClassCastException | NullPointerException e) {
            return set; // not mutually comparable: keep the set's order
        }
        return list;
    }

    /** Python's {@code indent=2} layout with {@code separators=(',', ': ')}. */
    static final class PythonPrettyPrinter implements PrettyPrinter {
        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }

    /** Python's {@code ensure_ascii=True}: lower-case {@code \}{@code uXXXX} for all but printable ASCII. */
    static final class PythonAsciiEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final char[] HEX = "0123456789abcdef".toCharArray();
        private static final SerializedString[] ASCII = new SerializedString[128];

        static {
            for (int c = 0; c < 0x20; c++) {
                ASCII[c] = new SerializedString(unicode(c));
            }
            ASCII[0x7f] = new SerializedString(unicode(0x7f));
        }

        private final int[] codes;

        PythonAsciiEscapes() {
            codes = standardAsciiEscapesForJSON(); // '"', '\\' and \b \t \n \f \r keep their short forms
            for (int c = 0; c < 0x20; c++) {
                if (codes[c] == ESCAPE_STANDARD) {
                    codes[c] = ESCAPE_CUSTOM;
                }
            }
            codes[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < 0x80) {
                return ASCII[ch]; // null for printable ASCII: not escaped
            }
            return new SerializedString(unicode(ch));
        }

        private static String unicode(int ch) {
            return new String(new char[] {'\\', 'u', HEX[(ch >> 12) & 0xf], HEX[(ch >> 8) & 0xf],
                HEX[(ch >> 4) & 0xf], HEX[ch & 0xf]});
        }
    }
}
