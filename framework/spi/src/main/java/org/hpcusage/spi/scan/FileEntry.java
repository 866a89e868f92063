package org.hpcusage.spi.scan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One entry of a scan, normalised.
 *
 * @param path      the full path as the scanner wrote it (no unescaping); see {@link #decodePath}
 * @param size      logical length in bytes (kept for completeness; statistics use allocated)
 * @param allocated bytes allocated on disk: every size statistic uses this
 * @param uid       numeric owner
 * @param gid       numeric group
 * @param directory true for a directory; everything else counts as a file
 * @param atime     last access as naive local time, in seconds since 1970-01-01T00:00:00 of that
 *                  local clock, or {@link #NO_TIME}
 * @since 0.1
 */
public record FileEntry(String path, long size, long allocated, long uid, long gid, boolean directory, long atime) {

    /** No access time known. @since 0.1 */
    public static final long NO_TIME = Long.MIN_VALUE;

    /**
     * Decodes a path as written by a scanner: UTF-8, and every byte that is not part of valid
     * UTF-8 becomes the four characters {@code \xNN} (lower-case hex), so names in other
     * encodings survive and stay distinct. Pure ASCII (the common case) takes a fast path.
     *
     * @since 0.1
     */
    public static String decodePath(byte[] bytes, int offset, int length) {
        int end = offset + length;
        boolean ascii = true;
        for (int i = offset; i < end; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return decodeLeniently(bytes, offset, end);
        }
    }

    private static String decodeLeniently(byte[] bytes, int offset, int end) {
        StringBuilder out = new StringBuilder(end - offset + 16);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xff;
            int n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
            if (n == 1) {
                out.append((char) b);
                i++;
                continue;
            }
            if (n > 0 && i + n <= end) {
                try {
                    CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, i, n));
                    out.append(chars);
                    i += n;
                    continue;
                } catch (CharacterCodingException e) {
                    // falls through to the escape
                }
            }
            out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            i++;
        }
        return out.toString();
    }
}
