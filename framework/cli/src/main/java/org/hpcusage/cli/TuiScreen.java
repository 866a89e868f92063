package org.hpcusage.cli;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The interactive loop on a text terminal through Lanterna (no GUI, works over SSH): draw the
 * frame, poll keys, redraw on resize, a key or a second tick, reload every refresh period.
 */
final class TuiScreen {
    private static final long POLL_MS = 40;

    private final TuiState state;
    private final ScoreboardTuiCommand.Loader loader;
    private final long refreshMs;

    TuiScreen(TuiState state, ScoreboardTuiCommand.Loader loader, long refreshMs) {
        this.state = state;
        this.loader = loader;
        this.refreshMs = refreshMs;
    }

    /** @param partial {@code first} holds only the window on screen: load every window once it is drawn */
    void run(TuiBoard first, boolean partial) throws IOException, InterruptedException {
        DefaultTerminalFactory factory = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true);
        Screen screen = new TerminalScreen(factory.createTerminal());
        screen.startScreen();
        try {
            screen.setCursorPosition(null);
            TuiBoard board = first;
            long loadedAt = System.currentTimeMillis();
            long drawnSecond = -1;
            boolean dirty = true;
            while (true) {
                if (screen.doResizeIfNecessary() != null) {
                    dirty = true;
                }
                long now = System.currentTimeMillis();
                if (now - loadedAt >= refreshMs) {
                    board = reload(board);
                    loadedAt = now;
                    dirty = true;
                }
                if (dirty || now / 1000 != drawnSecond) { // the title shows a clock
                    draw(screen, board);
                    drawnSecond = now / 1000;
                    dirty = false;
                }
                if (partial) {
                    // Keys pressed meanwhile wait in the terminal's input and are handled next.
                    board = reload(board);
                    loadedAt = System.currentTimeMillis();
                    partial = false;
                    dirty = true;
                    continue;
                }
                KeyStroke stroke = screen.pollInput();
                if (stroke == null) {
                    Thread.sleep(POLL_MS);
                    continue;
                }
                if (stroke.getKeyType() == com.googlecode.lanterna.input.KeyType.EOF) {
                    return;
                }
                TuiKey key = translate(stroke);
                if (key == null) {
                    continue;
                }
                int rows = TuiFrame.rows(board, state).size();
                int page = screen.getTerminalSize().getRows() - TuiFrame.CHROME;
                switch (state.press(key, rows, page)) {
                    case QUIT:
                        return;
                    case RELOAD:
                        board = reload(board);
                        loadedAt = System.currentTimeMillis();
                        dirty = true;
                        break;
                    case REDRAW:
                        dirty = true;
                        break;
                    default:
                        break;
                }
            }
        } finally {
            screen.stopScreen();
        }
    }

    /**
     * A failed reload (say, the store is busy or unreachable for a moment) keeps the board on
     * screen and says why, instead of ending the session; the next refresh tries again.
     */
    private TuiBoard reload(TuiBoard current) {
        try {
            TuiBoard fresh = loader.load();
            state.notice = null;
            return fresh;
        } catch (RuntimeException e) {
            state.notice = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return current;
        }
    }

    private void draw(Screen screen, TuiBoard board) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        List<String> lines = TuiFrame.render(board, state, Instant.now(), size.getColumns(), size.getRows());
        screen.clear();
        TextGraphics g = screen.newTextGraphics();
        for (int i = 0; i < lines.size(); i++) {
            style(g, i, lines.size());
            g.putString(0, i, lines.get(i));
        }
        screen.refresh();
    }

    /** The reference's palette: yellow bold title, magenta bold header, green rows, cyan footer. */
    private void style(TextGraphics g, int line, int lines) {
        g.clearModifiers();
        if (line == 0) {
            g.setForegroundColor(TextColor.ANSI.YELLOW).enableModifiers(SGR.BOLD);
        } else if (line == 3 && !state.help) {
            g.setForegroundColor(TextColor.ANSI.MAGENTA).enableModifiers(SGR.BOLD);
        } else if (line >= lines - 2) {
            g.setForegroundColor(TextColor.ANSI.CYAN);
        } else if (line > 3) {
            g.setForegroundColor(state.help ? TextColor.ANSI.DEFAULT : TextColor.ANSI.GREEN);
        } else {
            g.setForegroundColor(TextColor.ANSI.DEFAULT);
        }
    }

    private static TuiKey translate(KeyStroke k) {
        return switch (k.getKeyType()) {
            case Character -> k.getCharacter() == '\t' ? TuiKey.of(TuiKey.Kind.TAB) : TuiKey.of(k.getCharacter());
            case Tab -> TuiKey.of(TuiKey.Kind.TAB);
            case Enter -> TuiKey.of(TuiKey.Kind.ENTER);
            case Escape -> TuiKey.of(TuiKey.Kind.ESCAPE);
            case Backspace -> TuiKey.of(TuiKey.Kind.BACKSPACE);
            case ArrowUp -> TuiKey.of(TuiKey.Kind.UP);
            case ArrowDown -> TuiKey.of(TuiKey.Kind.DOWN);
            case PageUp -> TuiKey.of(TuiKey.Kind.PAGE_UP);
            case PageDown -> TuiKey.of(TuiKey.Kind.PAGE_DOWN);
            default -> null;
        };
    }
}
