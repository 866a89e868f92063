package org.hpcusage.cli;

/** The command tree. */
final class Commands {
    private Commands() {
    }

    static Command root() {
        return new CommandGroup("hpcusage", "Usage accounting for research computing: job history and charging.",
                new CommandGroup("jobs", "Scheduler accounting: sync logs, reports, raw records.",
                        new SyncCommand(),
                        new ImportCommand(),
                        new CommandGroup("history", "Job history reports from the store.",
                                new HistoryCommand(HistoryCommand.Kind.DAILY_SUMMARY),
                                new HistoryCommand(HistoryCommand.Kind.JOBS_PER_USER),
                                new HistoryCommand(HistoryCommand.Kind.JOBS_PER_PROJECT),
                                new HistoryCommand(HistoryCommand.Kind.UNIQUE_USERS),
                                new HistoryCommand(HistoryCommand.Kind.UNIQUE_PROJECTS)),
                        new CommandGroup("resource", "Resource reports: usage by user, project, facility; waits, sizes, durations, usage history.",
                                ResourceCommand.all()),
                        new CommandGroup("plot", "Charts of the reports, as PNG files.",
                                new PlotCommand()),
                        new SearchCommand(),
                        new HistogramCommand(),
                        new FacetsCommand(),
                        new UsageByCommand(),
                        new TimeseriesCommand(),
                        new RecordsCommand(),
                        new GenerateCommand(),
                        new BenchCommand(),
                        new ResourceBenchCommand(),
                        new QueryBenchCommand()),
                new CommandGroup("fs", "File-system scans: import GPFS/Lustre/POSIX scans, query and analyze them.",
                        new FsImportCommand(),
                        new FsScanCommand(),
                        new FsQueryCommand(),
                        new FsAnalyzeCommand(),
                        new FsConsolidateCommand(),
                        new FsGenerateCommand(),
                        new FsBenchCommand()),
                new CommandGroup("scoreboard", "High-score boards of usage across clusters (replaces SlurmScoreboard).",
                        new ScoreboardProbeCommand(),
                        new ScoreboardPollCommand(false),
                        new ScoreboardPollCommand(true),
                        new ScoreboardDoctorCommand(),
                        new CommandGroup("bloom", "Bloom filters of seen job ids, in the reference's file format.",
                                new ScoreboardBloomStatsCommand()),
                        new ScoreboardShowCommand(),
                        new ScoreboardTuiCommand(),
                        new ScoreboardPublishCommand(),
                        new ScoreboardBenchCommand()),
                new CommandGroup("plugins", "Installed plugins and what they provide.",
                        new PluginsListCommand()),
                new CommandGroup("db", "The store: schema and contents.",
                        new DbInfoCommand()));
    }
}
