package org.hpcusage.cli;

/** The command tree. */
final class Commands {
    private Commands() {
    }

    static Command root() {
        return new CommandGroup("hpcusage", "Usage accounting for research computing: job history and charging.",
                new CommandGroup("jobs", "Scheduler accounting: sync logs, reports, raw records.",
                        new SyncCommand(),
                        new CommandGroup("history", "Job history reports from the store.",
                                new HistoryCommand(HistoryCommand.Kind.DAILY_SUMMARY),
                                new HistoryCommand(HistoryCommand.Kind.JOBS_PER_USER),
                                new HistoryCommand(HistoryCommand.Kind.JOBS_PER_PROJECT),
                                new HistoryCommand(HistoryCommand.Kind.UNIQUE_USERS),
                                new HistoryCommand(HistoryCommand.Kind.UNIQUE_PROJECTS)),
                        new SearchCommand(),
                        new HistogramCommand(),
                        new FacetsCommand(),
                        new UsageByCommand(),
                        new TimeseriesCommand(),
                        new RecordsCommand(),
                        new GenerateCommand(),
                        new BenchCommand(),
                        new QueryBenchCommand()),
                new CommandGroup("plugins", "Installed plugins and what they provide.",
                        new PluginsListCommand()),
                new CommandGroup("db", "The store: schema and contents.",
                        new DbInfoCommand()));
    }
}
