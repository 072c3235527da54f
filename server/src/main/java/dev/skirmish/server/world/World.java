package dev.skirmish.server.world;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.SpawnPoint;
import dev.skirmish.game.sim.FireControl;
import dev.skirmish.game.sim.HitscanRifle;
import dev.skirmish.game.sim.Movement;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.game.sim.Projectile;
import dev.skirmish.game.sim.RocketLauncher;
import dev.skirmish.game.sim.ShotResult;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.server.input.InputRejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The authoritative game world: players, rockets, the rules of damage, death, respawn and score, and
 * the match clock. It knows nothing of connections; the server feeds it commands and reads it back.
 *
 * <h2>One tick</h2>
 * <pre>
 *   beginTick(t)
 *   applyCommand(player, command)   0..2 times per player, players in id order (the server's job)
 *   endTick()                       rockets fly, the dead respawn, history is recorded, the match clock runs
 *   fillSnapshot(snapshot)          the state at the end of tick t
 * </pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Commands.</b> Movement comes from the command's buttons through the shared
 *       {@link Movement}; speed cannot be forged. Fire goes through {@link FireControl}, so no weapon
 *       fires faster than its rate. The rifle is resolved at once with lag compensation
 *       ({@link LagCompensation}); a rocket launched in tick t first moves in tick t + 1, so a snapshot
 *       of tick t shows it at its origin with age 0, as {@link Projectile#advanceTo} reconstructs it.</li>
 *   <li><b>Damage.</b> A kill scores +1 for the killer; a suicide (own rocket) scores -1. Both count a
 *       death. The dead respawn after {@link WorldRules#respawnDelayTicks()} at the spawn point farthest
 *       from any living player (ties go to the first in a rotating order, so an empty map still uses
 *       every spawn).</li>
 *   <li><b>Match.</b> After {@link WorldRules#matchTicks()} ticks the match ends: listeners get the
 *       result, then scores reset, rockets vanish, everyone respawns and the next match starts.</li>
 *   <li><b>Leaving</b> removes the player and their rockets, so no kill is ever credited to an id that
 *       may already belong to someone else.</li>
 * </ul>
 * Deterministic (fixed iteration orders, no clocks, no randomness) and allocation-free per tick,
 * except when a match ends. Not thread-safe.
 */
public final class World {

    private static final int PLAYERS = GameConstants.MAX_PLAYERS;
    private static final int PROJECTILES = GameConstants.MAX_PROJECTILES;

    private final GameMap map;
    private final WorldRules rules;
    private final WorldListener listener;
    private final double tickSeconds;
    private final int respawnDelayTicks;
    private final ServerPlayer[] pool = new ServerPlayer[PLAYERS];
    private final ServerPlayer[] players = new ServerPlayer[PLAYERS];
    private final PlayerState[] states = new PlayerState[PLAYERS];
    private final Projectile[] projectiles = new Projectile[PROJECTILES];
    private final boolean[] flying = new boolean[PROJECTILES];
    private final LagCompensation lagCompensation;
    private final ShotResult shot = new ShotResult();
    private final InputRejection[] clamp = new InputRejection[1];
    private int playerCount;
    private int tick;
    private int matchNumber = 1;
    private int matchStartTick;
    private int spawnRotation;
    private long shotsFired;
    private long shotsHit;
    private long rocketsLaunched;

    public World(GameMap map, WorldRules rules, WorldListener listener) {
        this.map = Objects.requireNonNull(map, "map");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.tickSeconds = rules.tickSeconds();
        this.respawnDelayTicks = rules.respawnDelayTicks();
        this.lagCompensation = new LagCompensation(rules.maxRewindTicks(), rules.snapshotIntervalTicks());
        for (int id = 0; id < PLAYERS; id++) {
            pool[id] = new ServerPlayer(id);
        }
        for (int id = 0; id < PROJECTILES; id++) {
            projectiles[id] = new Projectile();
        }
    }

    public GameMap map() {
        return map;
    }

    public WorldRules rules() {
        return rules;
    }

    /** The tick being run, or the last one run. */
    public int tick() {
        return tick;
    }

    /** Number of the match in progress, from 1. */
    public int matchNumber() {
        return matchNumber;
    }

    /** The tick the match in progress started at. */
    public int matchStartTick() {
        return matchStartTick;
    }

    /** Ticks left in the match in progress. */
    public int matchTicksLeft() {
        return Math.max(0, matchStartTick + rules.matchTicks() - tick);
    }

    /** Players present. */
    public int playerCount() {
        return playerCount;
    }

    /** The player with {@code id}, or null if that id is free. */
    public ServerPlayer player(int id) {
        return id < 0 || id >= PLAYERS ? null : players[id];
    }

    /** The lowest free player id below {@code limit}, or -1 when all are taken. */
    public int freePlayerId(int limit) {
        for (int id = 0; id < Math.min(limit, PLAYERS); id++) {
            if (players[id] == null) {
                return id;
            }
        }
        return -1;
    }

    /** Rifle shots fired, rifle shots that hit a player, rockets launched. */
    public long shotsFired() {
        return shotsFired;
    }

    public long shotsHit() {
        return shotsHit;
    }

    public long rocketsLaunched() {
        return rocketsLaunched;
    }

    /** Rockets in flight. */
    public int projectileCount() {
        int count = 0;
        for (boolean f : flying) {
            if (f) {
                count++;
            }
        }
        return count;
    }

    /**
     * Adds a player under a free {@code id} with the given standing (non-zero when a player returns
     * within the reconnect grace) and spawns them at once.
     */
    public ServerPlayer addPlayer(int id, String name, int score, int kills, int deaths) {
        if (id < 0 || id >= PLAYERS || players[id] != null) {
            throw new IllegalArgumentException("player id " + id + " is not free");
        }
        ServerPlayer player = pool[id];
        player.reset(name, score, kills, deaths);
        players[id] = player;
        states[id] = player.state();
        playerCount++;
        spawn(player);
        return player;
    }

    /** Removes player {@code id} and their rockets; returns their final standing. */
    public PlayerStanding removePlayer(int id) {
        ServerPlayer player = player(id);
        if (player == null) {
            throw new IllegalArgumentException("no player " + id);
        }
        PlayerStanding standing = player.standing();
        players[id] = null;
        states[id] = null;
        playerCount--;
        for (int p = 0; p < PROJECTILES; p++) {
            if (flying[p] && projectiles[p].ownerId() == id) {
                flying[p] = false;
            }
        }
        return standing;
    }

    /** Starts tick {@code tick} (ticks count up by one; the first may be any). */
    public void beginTick(int tick) {
        this.tick = tick;
    }

    /** Applies one command of {@code player}: movement, weapon choice and fire. */
    public void applyCommand(ServerPlayer player, InputCommand command) {
        PlayerState state = player.state();
        Movement.step(state, command, tickSeconds, map);
        if (!FireControl.tryFire(state, command, tickSeconds)) {
            return;
        }
        if (state.weapon() == Weapon.RIFLE) {
            fireRifle(player, command);
        } else {
            launchRocket(player);
        }
    }

    /** Finishes the tick: rockets fly, the dead respawn, history is recorded, the match clock runs. */
    public void endTick() {
        flyRockets();
        respawnDue();
        lagCompensation.record(tick, states);
        if (tick - matchStartTick >= rules.matchTicks()) {
            endMatch();
        }
    }

    /** Writes the world at the end of the current tick into {@code out} (players and rockets by id). */
    public void fillSnapshot(Snapshot out) {
        out.clear(tick);
        for (int id = 0; id < PLAYERS; id++) {
            if (players[id] != null) {
                out.addPlayer(states[id]);
            }
        }
        for (int id = 0; id < PROJECTILES; id++) {
            if (flying[id]) {
                out.addProjectile(projectiles[id]);
            }
        }
    }

    /** The standings of the players present, best first. */
    public List<PlayerStanding> standings() {
        List<PlayerStanding> standings = new ArrayList<>(playerCount);
        for (ServerPlayer player : players) {
            if (player != null) {
                standings.add(player.standing());
            }
        }
        standings.sort(Comparator.comparingInt(PlayerStanding::score).reversed()
                .thenComparing(Comparator.comparingInt(PlayerStanding::kills).reversed())
                .thenComparingInt(PlayerStanding::deaths)
                .thenComparingInt(PlayerStanding::playerId));
        return standings;
    }

    // ------------------------------------------------------------------ weapons

    private void fireRifle(ServerPlayer shooter, InputCommand command) {
        shotsFired++;
        PlayerState[] targets = states;
        if (lagCompensation.enabled()) {
            targets = lagCompensation.rewind(tick, command, states, clamp);
            if (clamp[0] != null) {
                listener.onClamp(shooter, clamp[0]);
            }
        }
        HitscanRifle.fire(shooter.state(), targets, PLAYERS, map, shot);
        if (shot.outcome() == ShotResult.Outcome.PLAYER) {
            shotsHit++;
            damage(players[shot.targetId()], GameConstants.RIFLE_DAMAGE, shooter, Weapon.RIFLE);
        }
    }

    private void launchRocket(ServerPlayer shooter) {
        for (int id = 0; id < PROJECTILES; id++) {
            if (!flying[id]) {
                projectiles[id].launch(id, shooter.state(), tick);
                flying[id] = true;
                rocketsLaunched++;
                return;
            }
        }
        // Every rocket slot is in flight: the shot fizzles, as the snapshot could not carry it.
    }

    private void flyRockets() {
        for (int id = 0; id < PROJECTILES; id++) {
            if (!flying[id] || projectiles[id].spawnTick() == tick) {
                continue;
            }
            Projectile rocket = projectiles[id];
            switch (rocket.step(tickSeconds, map, states, PLAYERS)) {
                case FLYING -> { }
                case EXPIRED -> flying[id] = false;
                case EXPLODED -> {
                    flying[id] = false;
                    explode(rocket);
                }
            }
        }
    }

    private void explode(Projectile rocket) {
        ServerPlayer owner = players[rocket.ownerId()];
        for (int id = 0; id < PLAYERS; id++) {
            ServerPlayer target = players[id];
            if (target == null) {
                continue;
            }
            int damage = RocketLauncher.damageTo(rocket, target.state(), map);
            if (damage > 0) {
                damage(target, damage, owner, Weapon.ROCKET_LAUNCHER);
            }
        }
    }

    private void damage(ServerPlayer victim, int amount, ServerPlayer attacker, Weapon weapon) {
        if (!victim.state().applyDamage(amount)) {
            return;
        }
        victim.addDeath(tick + respawnDelayTicks);
        if (attacker == victim) {
            victim.addSuicide();
        } else {
            attacker.addKill();
        }
        listener.onKill(attacker, victim, weapon);
    }

    // ------------------------------------------------------------------ spawning and matches

    private void respawnDue() {
        for (int id = 0; id < PLAYERS; id++) {
            ServerPlayer player = players[id];
            if (player != null && !player.state().alive() && tick - player.respawnTick() >= 0) {
                spawn(player);
            }
        }
    }

    private void spawn(ServerPlayer player) {
        player.state().setWeapon(Weapon.RIFLE).spawn(pickSpawn(player.id()));
        listener.onSpawn(player);
    }

    /** The spawn point farthest from every other living player; ties go to the first in rotating order. */
    private SpawnPoint pickSpawn(int forId) {
        List<SpawnPoint> spawns = map.spawns();
        int n = spawns.size();
        int start = Math.floorMod(spawnRotation++, n);
        SpawnPoint best = null;
        double bestDistance = -1;
        for (int k = 0; k < n; k++) {
            SpawnPoint candidate = spawns.get((start + k) % n);
            double nearest = Double.POSITIVE_INFINITY;
            for (int id = 0; id < PLAYERS; id++) {
                PlayerState other = states[id];
                if (other == null || id == forId || !other.alive()) {
                    continue;
                }
                double dx = other.x() - candidate.x();
                double dy = other.y() - candidate.y();
                nearest = Math.min(nearest, dx * dx + dy * dy);
            }
            if (nearest > bestDistance) {
                bestDistance = nearest;
                best = candidate;
            }
        }
        return best;
    }

    private void endMatch() {
        listener.onMatchEnd(new MatchResult(matchNumber, matchStartTick, tick, standings()));
        matchNumber++;
        matchStartTick = tick;
        Arrays.fill(flying, false);
        for (ServerPlayer player : players) {
            if (player != null) {
                player.resetScore();
                player.state().setVitals(0, false);
            }
        }
        for (ServerPlayer player : players) {
            if (player != null) {
                spawn(player);
            }
        }
        listener.onMatchStart(matchNumber, tick);
    }
}
