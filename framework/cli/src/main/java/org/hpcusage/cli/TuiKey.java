package org.hpcusage.cli;

/** A key press as the TUI understands it, independent of the terminal library. */
record TuiKey(Kind kind, char c) {
    enum Kind { CHAR, TAB, ENTER, ESCAPE, BACKSPACE, UP, DOWN, PAGE_UP, PAGE_DOWN }

    static TuiKey of(char c) {
        return new TuiKey(Kind.CHAR, c);
    }

    static TuiKey of(Kind kind) {
        return new TuiKey(kind, '\0');
    }
}
