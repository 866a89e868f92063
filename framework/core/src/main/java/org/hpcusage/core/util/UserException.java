package org.hpcusage.core.util;

/**
 * A failure the user can fix (missing file, bad option value, unreachable database). The CLI
 * prints its message as one line, with no stack trace.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
