package org.hpcusage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpcusage.core.report.output.OutputFormat;

/**
 * Options every command accepts anywhere on the line (before or after the command words), so
 * that wrappers like {@code jobhist-history} take them too. They are removed from the
 * arguments before the command parses its own.
 */
record GlobalOptions(String db, Path config, List<Path> pluginDirs, OutputFormat format, boolean debug,
                     Boolean progress, boolean version, List<String> rest) {

    static final String HELP = """
            Global options (accepted anywhere on the line):
              --db FILE|URL        jobs store: an SQLite file or jdbc:postgresql://host/db?user=...
              --config FILE        site file (default $HPCUSAGE_HOME/conf/hpcusage.yaml if present)
              --plugins-dir DIRS   more plugin folders, comma-separated
              --format FMT         table (default), json, csv, md, dat, json-file
              --progress           progress bars on stderr even when it is not a terminal
              --no-progress        never show progress bars
              --debug              print stack traces of unexpected errors
              --version            print the version""";

    static GlobalOptions extract(String[] args) {
        String db = null;
        Path config = null;
        List<Path> pluginDirs = new ArrayList<>();
        OutputFormat format = null;
        boolean debug = false;
        boolean version = false;
        Boolean progress = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                for (int j = i; j < args.length; j++) {
                    rest.add(args[j]);
                }
                break;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "--db", "--config", "--plugins-dir", "--format" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--db" -> db = value;
                        case "--config" -> config = Path.of(value);
                        case "--plugins-dir" -> {
                            for (String dir : value.split(",")) {
                                if (!dir.isBlank()) {
                                    pluginDirs.add(Path.of(dir.trim()));
                                }
                            }
                        }
                        default -> {
                            try {
                                format = OutputFormat.parse(value);
                            } catch (IllegalArgumentException e) {
                                throw new UsageException(e.getMessage());
                            }
                        }
                    }
                }
                case "--debug" -> debug = true;
                case "--version" -> version = true;
                case "--progress" -> progress = Boolean.TRUE;
                case "--no-progress" -> progress = Boolean.FALSE;
                default -> rest.add(arg);
            }
        }
        return new GlobalOptions(db, config, List.copyOf(pluginDirs), format, debug, progress, version, List.copyOf(rest));
    }

    OutputFormat formatOr(OutputFormat fallback) {
        return format == null ? fallback : format;
    }
}
