package org.hpcusage.cli;

/** A mistake on the command line: exit code 2 and a hint to read --help. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
