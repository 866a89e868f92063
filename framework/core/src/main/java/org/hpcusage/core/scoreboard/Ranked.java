package org.hpcusage.core.scoreboard;

/** A row of one leaderboard: competition rank (1, 1, 3), user, value rounded to 6 decimals. */
public record Ranked(int rank, String user, double value) {
}
