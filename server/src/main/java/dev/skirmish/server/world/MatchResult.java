package dev.skirmish.server.world;

import java.util.List;

/**
 * How one match ended: its number (from 1), the ticks it spanned, and the standings of the players
 * present at the end, best first (score, then kills, then fewer deaths, then lower id).
 */
public record MatchResult(int matchNumber, int startTick, int endTick, List<PlayerStanding> standings) {

    public MatchResult {
        standings = List.copyOf(standings);
    }

    /** The best-placed player, or null if nobody played. */
    public PlayerStanding winner() {
        return standings.isEmpty() ? null : standings.get(0);
    }
}
