package dev.skirmish.game.snapshot;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.SpawnPoint;
import dev.skirmish.game.sim.Movement;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.game.sim.Projectile;
import java.util.SplittableRandom;

/**
 * A seeded, roughly game-like world for snapshot tests: players join and leave, run with the real
 * movement code, turn, take damage, die, respawn, score and switch weapons; rockets appear and vanish.
 */
final class RandomWorld {

    private static final double TICK = 1.0 / GameConstants.DEFAULT_TICK_RATE_HZ;

    private final SplittableRandom random;
    private final GameMap map;
    private final PlayerState[] players = new PlayerState[GameConstants.MAX_PLAYERS];
    private final InputCommand[] commands = new InputCommand[GameConstants.MAX_PLAYERS];
    private final Projectile[] projectiles = new Projectile[GameConstants.MAX_PROJECTILES];
    private final double churn;
    private final boolean rosterChanges;
    private int tick;
    private int lastCommand = Snapshot.NO_COMMAND;

    /**
     * A world starting with {@code playerCount} players on random ids; {@code churn} scales how often
     * discrete things happen; with {@code rosterChanges} players also join and leave.
     */
    RandomWorld(long seed, GameMap map, int playerCount, double churn, boolean rosterChanges) {
        this.random = new SplittableRandom(seed);
        this.map = map;
        this.churn = churn;
        this.rosterChanges = rosterChanges;
        this.tick = random.nextInt(1_000_000);
        int joined = 0;
        while (joined < playerCount) {
            int id = random.nextInt(GameConstants.MAX_PLAYERS);
            if (players[id] == null) {
                join(id);
                joined++;
            }
        }
    }

    /** Advances one tick. */
    void step() {
        tick++;
        lastCommand += random.nextInt(3);
        for (int id = 0; id < players.length; id++) {
            PlayerState player = players[id];
            if (player == null) {
                if (rosterChanges && chance(0.002)) {
                    join(id);
                }
                continue;
            }
            if (rosterChanges && chance(0.002)) {
                players[id] = null;
                continue;
            }
            InputCommand command = commands[id];
            if (random.nextInt(20) == 0) {
                command.setButtons(random.nextInt(16));
            }
            if (random.nextInt(3) == 0) {
                command.setAimAngle(player.aimAngle() + random.nextDouble(-0.3, 0.3));
            }
            Movement.step(player, command, TICK, map);
            if (player.alive() && chance(0.01)) {
                player.applyDamage(random.nextInt(1, 60));
            }
            if (!player.alive() && chance(0.02)) {
                player.spawn(spawnPoint());
            }
            if (chance(0.005)) {
                player.setScore(player.score() + random.nextInt(-1, 3));
            }
            if (chance(0.005)) {
                player.setWeapon(random.nextBoolean() ? Weapon.RIFLE : Weapon.ROCKET_LAUNCHER);
            }
            if (player.alive() && player.weapon() == Weapon.ROCKET_LAUNCHER && chance(0.03)) {
                launch(player);
            }
        }
        for (int id = 0; id < projectiles.length; id++) {
            Projectile rocket = projectiles[id];
            if (rocket != null && rocket.step(TICK, map, players, players.length) != Projectile.Status.FLYING) {
                projectiles[id] = null;
            }
        }
    }

    /** Writes the world as the snapshot of this tick. */
    Snapshot capture(Snapshot out) {
        out.clear(tick).setLastProcessedCommand(lastCommand);
        for (PlayerState player : players) {
            if (player != null) {
                out.addPlayer(player);
            }
        }
        for (Projectile rocket : projectiles) {
            if (rocket != null) {
                out.addProjectile(rocket);
            }
        }
        return out;
    }

    int tick() {
        return tick;
    }

    PlayerState player(int id) {
        return players[id];
    }

    private void join(int id) {
        if (players[id] != null) {
            return;
        }
        PlayerState player = new PlayerState(id).spawn(spawnPoint())
                .setAimAngle(random.nextDouble(0, 2 * Math.PI))
                .setScore(random.nextInt(-3, 40));
        player.setSpawnCount(random.nextInt(100));
        players[id] = player;
        commands[id] = new InputCommand().setButtons(random.nextInt(16));
    }

    private void launch(PlayerState owner) {
        for (int id = 0; id < projectiles.length; id++) {
            if (projectiles[id] == null) {
                projectiles[id] = new Projectile().launch(id, owner, tick);
                return;
            }
        }
    }

    private SpawnPoint spawnPoint() {
        return map.spawns().get(random.nextInt(map.spawns().size()));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability * churn;
    }
}
