package org.hpcusage.cli;

import java.util.List;

/** A command word: a group of further commands or a leaf that does the work. */
interface Command {
    String name();

    /** One line for the parent's help listing. */
    String summary();

    /** Runs with the arguments after this command's word; returns the exit code. */
    int run(Context ctx, List<String> path, List<String> args) throws Exception;
}
