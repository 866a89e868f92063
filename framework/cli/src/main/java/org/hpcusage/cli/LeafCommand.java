package org.hpcusage.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** A command that does work: declares its options, parses, and runs. */
abstract class LeafCommand implements Command {

    /** The command's own options; -h/--help is added for every command. */
    protected abstract Options options();

    /** Positional arguments as shown in the usage line, e.g. "JOBID...", or "". */
    protected String arguments() {
        return "";
    }

    /** One or more example lines for --help. */
    protected abstract String examples();

    protected abstract int execute(Context ctx, CommandLine line) throws Exception;

    @Override
    public int run(Context ctx, List<String> path, List<String> args) throws Exception {
        Options options = options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        String commandPath = String.join(" ", path) + " " + name();
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, args.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException(e.getMessage()).in(commandPath);
        }
        if (line.hasOption("h")) {
            ctx.out().print(help(commandPath, options));
            return 0;
        }
        try {
            return execute(ctx, line);
        } catch (UsageException e) {
            throw e.in(commandPath);
        }
    }

    private String help(String commandPath, Options options) {
        StringWriter text = new StringWriter();
        PrintWriter pw = new PrintWriter(text);
        HelpFormatter formatter = new HelpFormatter();
        formatter.setWidth(100);
        formatter.setOptionComparator(null);
        String usage = commandPath + " [options]" + (arguments().isEmpty() ? "" : " " + arguments());
        formatter.printHelp(pw, 100, usage, "\n" + summary() + "\n\nOptions:", options, 2, 2, null, false);
        pw.println();
        pw.println("Examples:");
        for (String example : examples().split("\n")) {
            pw.println("  " + example);
        }
        pw.println();
        pw.println(GlobalOptions.HELP);
        pw.flush();
        return text.toString();
    }

    // ---- small helpers shared by commands ----

    static Option opt(String shortName, String longName, String arg, String description) {
        Option.Builder b = shortName == null ? Option.builder().longOpt(longName) : Option.builder(shortName).longOpt(longName);
        if (arg != null) {
            b.hasArg().argName(arg);
        }
        return b.desc(description).build();
    }

    static int intValue(CommandLine line, String option, int defaultValue, int min) {
        String v = line.getOptionValue(option);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageException("--" + option + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " must be a whole number, not '" + v + "'");
        }
    }
}
