package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpcusage.core.scoreboard.Metric;
import org.hpcusage.core.scoreboard.Window;
import org.junit.jupiter.api.Test;

/** The keys of slurm-scoreboard.md §7.5 (and the added column keys and help) on the view state. */
class TuiStateTest {
    private final TuiState s = new TuiState(List.of("ALL", "bell", "hammer"));

    private TuiState.Action press(char c) {
        return s.press(TuiKey.of(c), 10, 4);
    }

    private TuiState.Action press(TuiKey.Kind k) {
        return s.press(TuiKey.of(k), 10, 4);
    }

    @Test
    void windowsCycleAlltime30d365d() {
        press('w');
        assertEquals(Window.ROLLING_30D, s.window);
        press('W');
        assertEquals(Window.ROLLING_365D, s.window);
        press('w');
        assertEquals(Window.ALLTIME, s.window);
    }

    @Test
    void metricsAndColumnsSelectTheSort() {
        press(TuiKey.Kind.TAB);
        assertEquals(Metric.ELAPSED_HOURS, s.metric);
        press('m');
        assertEquals(Metric.GPU_CLOCK_HOURS, s.metric);
        press('M');
        press('M');
        press('M');
        assertEquals(Metric.JOBS, s.metric); // previous wraps around
        press('u');
        assertTrue(s.byUser);
        press('5');
        assertEquals(Metric.FAILED_JOBS, s.metric);
        assertFalse(s.byUser);
        assertEquals(TuiState.Action.NONE, press('7')); // only 6 columns
        press('s');
        assertTrue(s.ascending);
        press('S');
        assertFalse(s.ascending);
    }

    @Test
    void filterPromptTakesALine() {
        press('f');
        assertEquals("", s.prompt);
        press('a');
        press('x');
        press(TuiKey.Kind.BACKSPACE);
        press('l');
        assertEquals(TuiState.Action.REDRAW, press('q')); // typed, not quit
        press(TuiKey.Kind.ENTER);
        assertNull(s.prompt);
        assertEquals("alq", s.filter);
        press('/');
        press('z');
        press(TuiKey.Kind.ESCAPE); // cancel keeps the old filter
        assertEquals("alq", s.filter);
        press('/');
        press(TuiKey.Kind.ENTER); // empty clears
        assertEquals("", s.filter);
    }

    @Test
    void scrollIsClampedAndTopAfterChanges() {
        press('j');
        press(TuiKey.Kind.DOWN);
        assertEquals(2, s.scroll);
        press(TuiKey.Kind.PAGE_DOWN);
        press(TuiKey.Kind.PAGE_DOWN);
        assertEquals(9, s.scroll); // 10 rows: the last is row 9
        press('k');
        assertEquals(8, s.scroll);
        press(TuiKey.Kind.PAGE_UP);
        press(TuiKey.Kind.PAGE_UP);
        press(TuiKey.Kind.UP);
        assertEquals(0, s.scroll);
        press('j');
        press('w');
        assertEquals(0, s.scroll);
    }

    @Test
    void clustersReloadHelpAndQuit() {
        assertEquals(TuiState.Action.RELOAD, press('g'));
        assertEquals("bell", s.cluster());
        press('g');
        press('G');
        assertEquals("ALL", s.cluster());
        assertEquals(TuiState.Action.RELOAD, press('r'));
        press('?');
        assertTrue(s.help);
        assertEquals(TuiState.Action.REDRAW, press('w')); // any key leaves help, does nothing else
        assertFalse(s.help);
        assertEquals(Window.ALLTIME, s.window);
        assertEquals(TuiState.Action.NONE, press('x'));
        assertEquals(TuiState.Action.QUIT, press('q'));
        assertEquals(TuiState.Action.QUIT, press('Q'));
    }
}
