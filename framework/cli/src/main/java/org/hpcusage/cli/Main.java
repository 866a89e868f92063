package org.hpcusage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpcusage.core.config.Home;
import org.hpcusage.core.util.UserException;

/**
 * {@code hpcusage [global options] <command> [options] [args]}. Exit codes: 0 success, 1 a
 * failure at run time, 2 a usage mistake.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        if (code != 0) {
            refuseClassArchive();
        }
        System.exit(code);
    }

    /**
     * The launcher asks the JVM to write a class-data archive as the first run of a command
     * group exits; a run that failed early (a bad option, a refused store) loaded too few of the
     * group's classes to be worth mapping from then on, so it marks the archive for the launcher
     * to throw away instead of adopting it.
     */
    private static void refuseClassArchive() {
        String pending = System.getProperty("hpcusage.cds.pending");
        if (pending != null) {
            try {
                Files.writeString(Path.of(pending + ".failed"), "");
            } catch (IOException | RuntimeException e) {
                // no archive, or no marker: either way only start-up speed is at stake
            }
        }
    }

    /** Runs one command in-process; used by the launcher and by tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        GlobalOptions globals;
        try {
            globals = GlobalOptions.extract(args);
        } catch (UsageException e) {
            err.println("hpcusage: " + e.getMessage());
            return 2;
        }
        if (globals.version()) {
            out.println("hpcusage " + Version.project() + " (plugin API " + Version.spi() + ")");
            return 0;
        }
        Command root = Commands.root();
        try (Context ctx = new Context(out, err, globals, Home.fromEnvironment())) {
            return root.run(ctx, List.of(), globals.rest());
        } catch (UsageException e) {
            err.println("hpcusage: " + e.getMessage());
            err.println("Try '" + (e.command() != null ? e.command() : hint(globals.rest())) + " --help'.");
            return 2;
        } catch (UserException e) {
            err.println("hpcusage: " + e.getMessage());
            if (globals.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (Exception | Error e) {
            err.println("hpcusage: unexpected error: " + oneLine(e) + " (re-run with --debug for the stack trace)");
            if (globals.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** The command words the user typed, for the "Try ... --help" hint. */
    private static String hint(List<String> rest) {
        StringBuilder sb = new StringBuilder("hpcusage");
        for (String word : rest) {
            if (word.startsWith("-")) {
                break;
            }
            sb.append(' ').append(word);
            if (sb.length() > 60) {
                break;
            }
        }
        return sb.toString();
    }

    /** The first non-blank line of the message (MyBatis messages start with a newline). */
    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse(e.getClass().getSimpleName());
    }
}
