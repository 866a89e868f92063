package org.hpcusage.cli;

/** A mistake on the command line: exit code 2 and a hint to read --help. */
public class UsageException extends RuntimeException {
    private String command;

    public UsageException(String message) {
        super(message);
    }

    /**
     * Names the command whose {@code --help} the hint suggests. The innermost command that saw
     * the mistake sets it first; outer ones leave it.
     */
    UsageException in(String commandPath) {
        if (command == null) {
            command = commandPath;
        }
        return this;
    }

    /** The command to suggest {@code --help} for, or null when no command claimed the mistake. */
    String command() {
        return command;
    }
}
