package dev.skirmish.server.world;

import dev.skirmish.game.sim.PlayerState;

/**
 * A player as the server's {@link World} holds them: the shared simulation state (position, health,
 * score, weapon) plus what only the server tracks: name, kills, deaths and when a dead player
 * respawns. Owned and mutated by the world; others read.
 */
public final class ServerPlayer {

    private final PlayerState state;
    private String name = "";
    private int kills;
    private int deaths;
    private int respawnTick;

    ServerPlayer(int id) {
        this.state = new PlayerState(id);
    }

    void reset(String name, int score, int kills, int deaths) {
        this.name = name;
        this.kills = kills;
        this.deaths = deaths;
        this.respawnTick = 0;
        state.setVitals(0, false).setScore(score).setFireCooldownSeconds(0);
    }

    public int id() {
        return state.id();
    }

    public String name() {
        return name;
    }

    /** The simulated state; the world's to change. */
    public PlayerState state() {
        return state;
    }

    public int score() {
        return state.score();
    }

    public int kills() {
        return kills;
    }

    public int deaths() {
        return deaths;
    }

    /** The tick at which a dead player comes back. */
    public int respawnTick() {
        return respawnTick;
    }

    public PlayerStanding standing() {
        return new PlayerStanding(id(), name, score(), kills, deaths);
    }

    void addKill() {
        kills++;
        state.setScore(state.score() + 1);
    }

    void addSuicide() {
        state.setScore(state.score() - 1);
    }

    void addDeath(int respawnTick) {
        deaths++;
        this.respawnTick = respawnTick;
    }

    void resetScore() {
        kills = 0;
        deaths = 0;
        state.setScore(0);
    }

    @Override
    public String toString() {
        return "ServerPlayer[" + id() + " '" + name + "' " + state + " kills=" + kills + " deaths=" + deaths + "]";
    }
}
