package dev.skirmish.game.snapshot;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.game.sim.Projectile;

/**
 * The world at one server tick as one client is told it: players and rockets (each sorted by id,
 * ids unique), plus the number of the last input command the server had applied for that client,
 * which the client needs to reconcile its prediction.
 *
 * <p>Everything is held quantized ({@link PlayerSnapshot}, {@link ProjectileSnapshot}), so a decoded
 * snapshot equals the encoded one field for field and can serve as the next delta's baseline on both
 * sides. Entry objects are preallocated for {@link GameConstants#MAX_PLAYERS} players and
 * {@link GameConstants#MAX_PROJECTILES} projectiles and reused across {@link #clear}s; filling a
 * snapshot never allocates. Entries must be added in ascending id order. Not thread-safe.
 */
public final class Snapshot {

    /** {@link #lastProcessedCommand()} before the server has applied any command of the client. */
    public static final int NO_COMMAND = -1;

    private final PlayerSnapshot[] players = new PlayerSnapshot[GameConstants.MAX_PLAYERS];
    private final ProjectileSnapshot[] projectiles = new ProjectileSnapshot[GameConstants.MAX_PROJECTILES];
    private int tick;
    private int lastProcessedCommand = NO_COMMAND;
    private int playerCount;
    private int projectileCount;

    /** Creates an empty snapshot of tick 0. */
    public Snapshot() {
        for (int i = 0; i < players.length; i++) {
            players[i] = new PlayerSnapshot();
        }
        for (int i = 0; i < projectiles.length; i++) {
            projectiles[i] = new ProjectileSnapshot();
        }
    }

    /** Empties the snapshot and sets its tick (0 or more); the last processed command becomes {@link #NO_COMMAND}. */
    public Snapshot clear(int tick) {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        this.tick = tick;
        this.lastProcessedCommand = NO_COMMAND;
        this.playerCount = 0;
        this.projectileCount = 0;
        return this;
    }

    /** Makes this snapshot an exact copy of {@code other}. */
    public Snapshot copyFrom(Snapshot other) {
        tick = other.tick;
        lastProcessedCommand = other.lastProcessedCommand;
        playerCount = other.playerCount;
        projectileCount = other.projectileCount;
        for (int i = 0; i < playerCount; i++) {
            players[i].copyFrom(other.players[i]);
        }
        for (int i = 0; i < projectileCount; i++) {
            projectiles[i].copyFrom(other.projectiles[i]);
        }
        return this;
    }

    /** Server tick this snapshot describes. */
    public int tick() {
        return tick;
    }

    /** Number of the last input command the server applied for the recipient, or {@link #NO_COMMAND}. */
    public int lastProcessedCommand() {
        return lastProcessedCommand;
    }

    /** Sets the last processed command number ({@link #NO_COMMAND} or 0 and up). */
    public Snapshot setLastProcessedCommand(int commandNumber) {
        if (commandNumber < NO_COMMAND) {
            throw new IllegalArgumentException("command number must be >= -1, got " + commandNumber);
        }
        this.lastProcessedCommand = commandNumber;
        return this;
    }

    /** Appends a player with {@code id}, greater than every id already present, fields zeroed; returns its entry. */
    public PlayerSnapshot addPlayer(int id) {
        if (id < 0 || id >= GameConstants.MAX_PLAYERS) {
            throw new IllegalArgumentException("player id must be 0.." + (GameConstants.MAX_PLAYERS - 1) + ", got " + id);
        }
        if (playerCount > 0 && players[playerCount - 1].id() >= id) {
            throw new IllegalArgumentException("player ids must ascend: " + id + " after " + players[playerCount - 1].id());
        }
        PlayerSnapshot entry = players[playerCount++];
        entry.reset(id);
        return entry;
    }

    /** Appends {@code state}, quantized; its id must exceed every id already present. */
    public PlayerSnapshot addPlayer(PlayerState state) {
        return addPlayer(state.id()).set(state);
    }

    /** Appends a projectile with {@code id}, greater than every id already present; returns its entry. */
    public ProjectileSnapshot addProjectile(int id) {
        if (id < 0 || id >= GameConstants.MAX_PROJECTILES) {
            throw new IllegalArgumentException("projectile id must be 0.." + (GameConstants.MAX_PROJECTILES - 1)
                    + ", got " + id);
        }
        if (projectileCount > 0 && projectiles[projectileCount - 1].id() >= id) {
            throw new IllegalArgumentException("projectile ids must ascend: " + id + " after "
                    + projectiles[projectileCount - 1].id());
        }
        ProjectileSnapshot entry = projectiles[projectileCount++];
        entry.reset(id);
        return entry;
    }

    /** Appends {@code projectile}'s launch; its id must exceed every id already present. */
    public ProjectileSnapshot addProjectile(Projectile projectile) {
        return addProjectile(projectile.id()).set(projectile);
    }

    /** Number of players. */
    public int playerCount() {
        return playerCount;
    }

    /** The player at {@code index} (0..playerCount-1, ascending ids). */
    public PlayerSnapshot player(int index) {
        if (index < 0 || index >= playerCount) {
            throw new IndexOutOfBoundsException("player index " + index + " of " + playerCount);
        }
        return players[index];
    }

    /** The player with {@code id}, or null if absent. */
    public PlayerSnapshot findPlayer(int id) {
        for (int i = 0; i < playerCount; i++) {
            if (players[i].id() == id) {
                return players[i];
            }
        }
        return null;
    }

    /** Number of projectiles. */
    public int projectileCount() {
        return projectileCount;
    }

    /** The projectile at {@code index} (0..projectileCount-1, ascending ids). */
    public ProjectileSnapshot projectile(int index) {
        if (index < 0 || index >= projectileCount) {
            throw new IndexOutOfBoundsException("projectile index " + index + " of " + projectileCount);
        }
        return projectiles[index];
    }

    /** Whether {@code other} holds exactly the same tick, command number, players and projectiles. */
    public boolean sameAs(Snapshot other) {
        if (tick != other.tick || lastProcessedCommand != other.lastProcessedCommand
                || playerCount != other.playerCount || projectileCount != other.projectileCount) {
            return false;
        }
        for (int i = 0; i < playerCount; i++) {
            if (!players[i].sameAs(other.players[i])) {
                return false;
            }
        }
        for (int i = 0; i < projectileCount; i++) {
            if (!projectiles[i].sameAs(other.projectiles[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Snapshot[tick=").append(tick)
                .append(" lastCommand=").append(lastProcessedCommand);
        for (int i = 0; i < playerCount; i++) {
            text.append("\n  ").append(players[i]);
        }
        for (int i = 0; i < projectileCount; i++) {
            text.append("\n  ").append(projectiles[i]);
        }
        return text.append(']').toString();
    }
}
