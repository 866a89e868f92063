package org.hpcusage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slurm-sb-tui} in a real terminal: tmux runs the launcher of the built distribution in a
 * detached 120×30 pane; keys go in with send-keys, the screen comes back with capture-pane.
 * Skipped when tmux is not installed. Every wait is bounded.
 */
class ScoreboardTuiIT {
    private static final long WAIT_MS = 20_000;

    @TempDir
    Path temp;

    @Test
    void switchesWindowSortsShowsHelpAndQuitsInATerminal() throws Exception {
        assumeTrue(onPath("tmux"), "tmux is not on PATH: the terminal test of scoreboard tui is skipped");
        Path home = Files.createDirectories(temp.resolve("home"));
        Path cwd = Files.createDirectories(temp.resolve("cwd"));
        Launcher launcher = new Launcher(Launcher.builtDistribution(), home);
        // alice: 3 old jobs of 4 CPUs x 10 h = 120 clock hours, no GPU (all time only);
        // bob: 3 jobs 5 days ago of 2 CPUs and 1 GPU, 1 + 1 + 2 h = 8 clock hours, 4 GPU hours (every window)
        String recent = LocalDateTime.now(ZoneOffset.UTC).minusDays(5).truncatedTo(ChronoUnit.HOURS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String r = recent + "|" + recent + "|" + recent;
        Path dump = Files.writeString(temp.resolve("dump.txt"), ""
                + "JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End\n"
                + "1|alice|COMPLETED|36000|4|1|1G|||cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T10:00:00\n"
                + "2|alice|COMPLETED|36000|4|1|1G|||cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T10:00:00\n"
                + "3|alice|COMPLETED|36000|4|1|1G|||cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T10:00:00\n"
                + "4|bob|COMPLETED|3600|2|1|1G|||cpu=2,gres/gpu=1|" + r + "\n"
                + "5|bob|COMPLETED|3600|2|1|1G|||cpu=2,gres/gpu=1|" + r + "\n"
                + "6|bob|COMPLETED|7200|2|1|1G|||cpu=2,gres/gpu=1|" + r + "\n");
        Launcher.Result imported = launcher.run(cwd, "hpcusage", "jobs", "import", "-m", "hammer", "--scheduler", "slurm",
                dump.toString());
        assertEquals(0, imported.exit(), imported.err());

        Tmux tmux = new Tmux(temp.resolve("tmux.sock").toString()); // a socket in the temp dir: removed with it
        try {
            String command = "env -u HPCUSAGE_JAVA_OPTS HPCUSAGE_HOME='" + home + "' '"
                    + Launcher.builtDistribution().resolve("bin/slurm-sb-tui") + "' --refresh-sec 60";
            tmux.run("new-session", "-d", "-x", "120", "-y", "30", "-s", "sb", "-c", cwd.toString(), command);

            // A frame is drawn in pieces, so each wait is for the whole expected screen, not a part of it.
            tmux.waitFor(s -> line(s, 1).startsWith("Cluster:ALL  Window:alltime  Metric:clock_hours  Sort:desc")
                    && line(s, 3).startsWith("#   User")
                    && line(s, 4).startsWith("   1 alice") && line(s, 4).contains(" 120 ")
                    && line(s, 5).startsWith("   2 bob"), "the first frame: alice (120 clock hours) above bob");

            tmux.run("send-keys", "-t", "sb", "w"); // window: alltime -> 30d, alice's old jobs drop out
            tmux.waitFor(s -> line(s, 1).startsWith("Cluster:ALL  Window:30d  Metric:clock_hours")
                    && line(s, 4).startsWith("   1 bob") && !s.contains("alice") && s.contains("1 user"),
                    "the 30d window: bob only");

            tmux.run("send-keys", "-t", "sb", "w", "w", "3"); // back to alltime, sort by gpu_clock_hours: bob first
            tmux.waitFor(s -> line(s, 1).startsWith("Cluster:ALL  Window:alltime  Metric:gpu_clock_hours")
                    && line(s, 4).startsWith("   1 bob")
                    && line(s, 5).startsWith("     alice"), // no GPU hours: on no gpu board, blank rank
                    "the gpu_clock_hours sort: bob above alice");

            tmux.run("send-keys", "-t", "sb", "?");
            tmux.waitFor(s -> line(s, 4).equals("Keys") && s.contains("next window: alltime -> 30d -> 365d"), "the help screen");

            tmux.run("send-keys", "-t", "sb", "x"); // any key leaves help
            tmux.waitFor(s -> line(s, 3).startsWith("#   User") && line(s, 4).startsWith("   1 bob"), "the board after help");
            tmux.run("send-keys", "-t", "sb", "q");
            long until = System.currentTimeMillis() + WAIT_MS;
            while (tmux.alive("sb") && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            assertFalse(tmux.alive("sb"), "q did not end the TUI");
        } finally {
            tmux.quietly("kill-server");
        }
    }

    /**
     * With a root of published boards the first frame is theirs, and the store's boards replace
     * it once read; a reader without the store keeps the published boards.
     */
    @Test
    void showsThePublishedBoardsFirstAndTheStoresAfter() throws Exception {
        assumeTrue(onPath("tmux"), "tmux is not on PATH: the terminal test of scoreboard tui is skipped");
        Path home = Files.createDirectories(temp.resolve("home"));
        Path reader = Files.createDirectories(temp.resolve("reader-home"));
        Path cwd = Files.createDirectories(temp.resolve("cwd"));
        Path root = temp.resolve("sb");
        Launcher launcher = new Launcher(Launcher.builtDistribution(), home);
        String job = "|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n";
        String header = "JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End\n";
        Path first = Files.writeString(temp.resolve("first.txt"), header
                + "1|alice" + job + "2|alice" + job + "3|alice" + job + "4|bob" + job + "5|bob" + job + "6|bob" + job);
        Path later = Files.writeString(temp.resolve("later.txt"), header + "7|carol" + job + "8|carol" + job + "9|carol" + job);
        assertEquals(0, launcher.run(cwd, "hpcusage", "jobs", "import", "-m", "hammer", "--scheduler", "slurm", first.toString()).exit());
        Launcher.Result published = launcher.run(cwd, "hpcusage", "scoreboard", "publish", "--root", root.toString());
        assertEquals(0, published.exit(), published.err());
        // carol arrives after the boards were published: only the store knows her
        assertEquals(0, launcher.run(cwd, "hpcusage", "jobs", "import", "-m", "hammer", "--scheduler", "slurm", later.toString()).exit());

        Tmux tmux = new Tmux(temp.resolve("tmux.sock").toString());
        String tui = "'" + Launcher.builtDistribution().resolve("bin/slurm-sb-tui") + "' --refresh-sec 60 --root '" + root + "'";
        try {
            tmux.run("new-session", "-d", "-x", "120", "-y", "30", "-s", "sb", "-c", cwd.toString(),
                    "env -u HPCUSAGE_JAVA_OPTS HPCUSAGE_HOME='" + home + "' " + tui);
            tmux.waitFor(s -> line(s, 1).startsWith("Cluster:ALL") && s.contains("carol") && s.contains("\n3 users"),
                    "the store's boards, with carol, after the published ones");
            tmux.run("send-keys", "-t", "sb", "q");
            waitUntilGone(tmux);

            // A reader whose home has no store: the published boards (alice and bob tie on 6 clock
            // hours, so both rank 1, by name), and no store gets created.
            tmux.run("new-session", "-d", "-x", "120", "-y", "30", "-s", "sb", "-c", cwd.toString(),
                    "env -u HPCUSAGE_JAVA_OPTS HPCUSAGE_HOME='" + reader + "' " + tui);
            tmux.waitFor(s -> line(s, 4).startsWith("   1 alice") && line(s, 5).startsWith("   1 bob") && !s.contains("carol")
                    && s.contains("2 users  (published boards as of "), "the published boards, without carol");
            tmux.run("send-keys", "-t", "sb", "r"); // a reload re-reads the published files
            tmux.waitFor(s -> s.contains("2 users  (published boards as of ") && line(s, 5).startsWith("   1 bob"),
                    "the published boards after a reload");
            tmux.run("send-keys", "-t", "sb", "q");
            waitUntilGone(tmux);
            assertFalse(Files.exists(reader.resolve("data")), "the TUI created a store for the reader");
        } finally {
            tmux.quietly("kill-server");
        }
    }

    private static void waitUntilGone(Tmux tmux) throws IOException, InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MS;
        while (tmux.alive("sb") && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertFalse(tmux.alive("sb"), "q did not end the TUI");
    }

    private static String line(String screen, int n) {
        List<String> lines = screen.lines().toList();
        return n < lines.size() ? lines.get(n) : "";
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** tmux on a private socket file, so the test neither sees nor touches any other tmux server. */
    private record Tmux(String socket) {
        String run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("tmux", "-S", socket));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tmux timed out: " + command);
            }
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("tmux failed (" + p.exitValue() + "): " + command + ": " + out);
            }
            return out;
        }

        boolean alive(String session) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("tmux", "-S", socket, "has-session", "-t", session).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return true;
            }
            return p.exitValue() == 0;
        }

        void quietly(String... args) {
            try {
                run(args);
            } catch (Exception e) {
                // the server is already gone once its only session ended
            }
        }

        /** The pane's text once it satisfies {@code ready}, else fail with the last screen seen. */
        String waitFor(Predicate<String> ready, String what) throws IOException, InterruptedException {
            long until = System.currentTimeMillis() + WAIT_MS;
            String screen = "";
            while (System.currentTimeMillis() < until) {
                if (alive("sb")) {
                    screen = run("capture-pane", "-p", "-t", "sb");
                    if (ready.test(screen)) {
                        return screen;
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("timed out waiting for " + what + "; screen was:\n" + screen);
        }
    }
}
