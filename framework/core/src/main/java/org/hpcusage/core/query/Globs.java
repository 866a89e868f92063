package org.hpcusage.core.query;

/**
 * Shell globs ({@code *}, {@code ?}, {@code [...]}) as SQL patterns (reference §7.5). SQLite's
 * {@code GLOB} takes a glob as it is; PostgreSQL gets the same glob as an anchored regular
 * expression, so bracket classes mean the same on both; the case-insensitive form is a
 * {@code LIKE} pattern with escape character {@code !}, in which brackets are literal.
 */
final class Globs {
    private Globs() {
    }

    /** {@code *} → {@code %}, {@code ?} → {@code _}; {@code %}, {@code _} and {@code !} escaped with {@code !}. */
    static String toLike(String glob) {
        StringBuilder sb = new StringBuilder(glob.length() + 8);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', '!' -> sb.append('!').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * An anchored POSIX regular expression matching what SQLite's {@code GLOB} matches:
     * {@code [abc]}, {@code [a-z]} and {@code [^abc]} are classes (a {@code ]} first in a class
     * is literal); a {@code [} without its {@code ]} is literal; everything else is literal.
     */
    static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder(glob.length() + 8).append('^');
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                sb.append(".*");
            } else if (c == '?') {
                sb.append('.');
            } else if (c == '[') {
                int close = classEnd(glob, i);
                if (close < 0) {
                    sb.append("\\[");
                } else {
                    appendClass(sb, glob.substring(i + 1, close));
                    i = close;
                }
            } else {
                literal(sb, c);
            }
            i++;
        }
        return sb.append('$').toString();
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int classEnd(String glob, int open) {
        int j = open + 1;
        if (j < glob.length() && glob.charAt(j) == '^') {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
        }
        int close = glob.indexOf(']', j);
        return close;
    }

    private static void appendClass(StringBuilder sb, String body) {
        sb.append('[');
        int k = 0;
        if (body.startsWith("^")) {
            sb.append('^');
            k = 1;
        }
        for (; k < body.length(); k++) {
            char c = body.charAt(k);
            // Inside a POSIX bracket expression only \, [ and a leading ] need care.
            if (c == '\\' || c == '[') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append(']');
    }

    private static void literal(StringBuilder sb, char c) {
        if ("\\.^$|()[]{}+*?".indexOf(c) >= 0) {
            sb.append('\\');
        }
        sb.append(c);
    }
}
