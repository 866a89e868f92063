package org.hpcusage.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command word with sub-commands ("jobs", "jobs history"). */
final class CommandGroup implements Command {
    private final String name;
    private final String summary;
    private final Map<String, Command> children = new LinkedHashMap<>();

    CommandGroup(String name, String summary, Command... children) {
        this.name = name;
        this.summary = summary;
        for (Command c : children) {
            this.children.put(c.name(), c);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public int run(Context ctx, List<String> path, List<String> args) throws Exception {
        List<String> here = new ArrayList<>(path);
        here.add(name);
        if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help") || args.get(0).equals("help")) {
            ctx.out().print(help(here));
            return args.isEmpty() ? 2 : 0;
        }
        Command child = children.get(args.get(0));
        if (child == null) {
            throw new UsageException("unknown command '" + String.join(" ", here) + " " + args.get(0)
                    + "' (choose from " + String.join(", ", children.keySet()) + ")").in(String.join(" ", here));
        }
        return child.run(ctx, here, args.subList(1, args.size()));
    }

    String help(List<String> path) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: ").append(String.join(" ", path)).append(" <command> [options]\n\n");
        sb.append(summary).append("\n\nCommands:\n");
        int width = children.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Command c : children.values()) {
            sb.append("  ").append(String.format("%-" + width + "s", c.name())).append("  ").append(c.summary()).append('\n');
        }
        sb.append("\nRun '").append(String.join(" ", path)).append(" <command> --help' for a command's options.\n");
        sb.append('\n').append(GlobalOptions.HELP).append('\n');
        return sb.toString();
    }
}
