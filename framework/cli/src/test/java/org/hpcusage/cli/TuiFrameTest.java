package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.scoreboard.Metric;
import org.hpcusage.core.scoreboard.Window;
import org.junit.jupiter.api.Test;

/**
 * The frame renderer on hand-made boards. Values and ranks are the reference's Appendix A
 * board (carol 40, bob 16, alice 2.5 clock hours) plus job counts; expected lines are written
 * by hand: rank right in 4, user left in 18, each metric right-aligned under its name
 * (width = max(name, 9)), one space between columns.
 */
class TuiFrameTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:34:56Z");
    private static final String HEADER =
            "#   User                clock_hours elapsed_hours gpu_clock_hours gpu_elapsed_hours failed_jobs      jobs";
    private static final String KEYS =
            "q=quit w=window m/TAB=metric 1-6=sort column u=sort user s=asc/desc f/=filter g=cluster r=reload ?=help";

    // values in Metric order: clock, elapsed, gpu_clock, gpu_elapsed, failed, jobs; rank 0 = not on that board
    private static TuiBoard.Row row(String user, double[] values, int[] ranks) {
        return new TuiBoard.Row(user, values, ranks);
    }

    private static TuiBoard board() {
        Map<Window, List<TuiBoard.Row>> w = new EnumMap<>(Window.class);
        w.put(Window.ALLTIME, List.of(
                row("alice", new double[] {2.5, 1.5, 1, 1, 1, 3}, new int[] {3, 3, 2, 2, 1, 2}),
                row("bob", new double[] {16, 2, 4, 2, 0, 3}, new int[] {2, 2, 1, 1, 0, 2}),
                row("carol", new double[] {40, 10, 0, 0, 0, 4}, new int[] {1, 1, 0, 0, 0, 1})));
        w.put(Window.ROLLING_30D, List.of(
                row("carol", new double[] {1234.5, 0.1234, 0, 0, 0, 4}, new int[] {1, 1, 0, 0, 0, 1})));
        w.put(Window.ROLLING_365D, List.of());
        return new TuiBoard("ALL", w);
    }

    private static TuiState state() {
        return new TuiState(List.of("ALL", "hammer"));
    }

    @Test
    void drawsTheAllTimeBoardSortedByClockHours() {
        assertEquals(List.of(
                " SLURM SCOREBOARD 12:34:56",
                "Cluster:ALL  Window:alltime  Metric:clock_hours  Sort:desc  Filter:-",
                "-".repeat(120),
                HEADER,
                "   1 carol                       40            10               0                 0           0         4",
                "   2 bob                         16             2               4                 2           0         3",
                "   3 alice                      2.5           1.5               1                 1           1         3",
                "",
                "3 users",
                KEYS), TuiFrame.render(board(), state(), NOW, 120, 10));
    }

    @Test
    void sortsAscendingByAnotherColumnWithAFilterAndBlankRanks() {
        TuiState s = state();
        s.metric = Metric.GPU_CLOCK_HOURS;
        s.ascending = true;
        s.filter = "A"; // case-insensitive: alice and carol, not bob
        List<String> lines = TuiFrame.render(board(), s, NOW, 120, 10);
        assertEquals("Cluster:ALL  Window:alltime  Metric:gpu_clock_hours  Sort:asc  Filter:A", lines.get(1));
        // carol has no GPU hours: first when ascending, no rank on the gpu_clock_hours board
        assertEquals("     carol                       40            10               0                 0           0         4",
                lines.get(4));
        assertEquals("   2 alice                      2.5           1.5               1                 1           1         3",
                lines.get(5));
        assertEquals("", lines.get(6));
        assertEquals("2 users", lines.get(8));
    }

    @Test
    void sortsByUserName() {
        TuiState s = state();
        s.byUser = true;
        s.ascending = false;
        List<String> lines = TuiFrame.render(board(), s, NOW, 120, 10);
        assertEquals("Cluster:ALL  Window:alltime  Metric:clock_hours  Sort:user desc  Filter:-", lines.get(1));
        assertEquals(List.of("carol", "bob", "alice"),
                lines.subList(4, 7).stream().map(l -> l.substring(5, 23).strip()).toList());
    }

    @Test
    void anotherWindowHumanizesItsValues() {
        TuiState s = state();
        s.window = Window.ROLLING_30D;
        List<String> lines = TuiFrame.render(board(), s, NOW, 120, 8);
        assertEquals("Cluster:ALL  Window:30d  Metric:clock_hours  Sort:desc  Filter:-", lines.get(1));
        assertEquals("   1 carol                    1.23k         0.123               0                 0           0         4",
                lines.get(4));
        assertEquals("1 user", lines.get(6));
    }

    @Test
    void anEmptyWindowSaysSo() {
        TuiState s = state();
        s.window = Window.ROLLING_365D;
        List<String> lines = TuiFrame.render(board(), s, NOW, 120, 8);
        assertEquals("No data. (No jobs in this window, or every user under --min-jobs: run hpcusage scoreboard poll or jobs import.)", lines.get(4));
        assertEquals("0 users", lines.get(6));
    }

    @Test
    void showsWhatIsAboveAndBelowWhenRowsDoNotFit() {
        // height 8 leaves 2 lines for rows: one row and "2 more"
        List<String> top = TuiFrame.render(board(), state(), NOW, 120, 8);
        assertEquals(8, top.size());
        assertEquals(List.of(
                "   1 carol                       40            10               0                 0           0         4",
                "... (2 more)"), top.subList(4, 6));
        // height 9 (3 lines), scrolled by one: "1 above", then bob and alice
        TuiState s = state();
        s.scroll = 1;
        List<String> scrolled = TuiFrame.render(board(), s, NOW, 120, 9);
        assertEquals("... (1 above)", scrolled.get(4));
        assertEquals("   2 bob", scrolled.get(5).substring(0, 8));
        assertEquals("   3 alice", scrolled.get(6).substring(0, 10));
        assertEquals("3 users", scrolled.get(7));
    }

    @Test
    void cutsLinesToANarrowTerminal() {
        List<String> lines = TuiFrame.render(board(), state(), NOW, 40, 10);
        assertEquals("-".repeat(40), lines.get(2));
        assertEquals("#   User                clock_hours elap", lines.get(3));
        // cut at 40 lands in the blanks before elapsed_hours' "10"; trailing blanks are dropped
        assertEquals("   1 carol                       40", lines.get(4));
        assertEquals("q=quit w=window m/TAB=metric 1-6=sort co", lines.get(9));
    }

    @Test
    void theFilterPromptAndTheHelpScreen() {
        TuiState s = state();
        s.prompt = "ca";
        assertEquals("Filter substring (empty clears): ca", TuiFrame.render(board(), s, NOW, 120, 10).get(8));

        TuiState n = state();
        n.notice = "database is locked";
        assertEquals("3 users  (reload failed, showing earlier data: database is locked)",
                TuiFrame.render(board(), n, NOW, 120, 10).get(8));

        TuiState h = state();
        h.help = true;
        List<String> help = TuiFrame.render(board(), h, NOW, 120, 12);
        assertEquals(12, help.size());
        assertEquals("", help.get(3));
        assertEquals("Keys", help.get(4));
        assertEquals("  q          quit", help.get(5));
        assertEquals("  w          next window: alltime -> 30d -> 365d", help.get(6));
        assertEquals(KEYS, help.get(11));
    }
}
