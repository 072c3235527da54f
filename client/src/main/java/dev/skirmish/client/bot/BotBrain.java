package dev.skirmish.client.bot;

import dev.skirmish.client.ClientView;
import dev.skirmish.client.InputSource;
import dev.skirmish.client.PlayerView;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.sim.RayCast;
import java.util.SplittableRandom;

/**
 * A simple deathmatch player, as an {@link InputSource}: it roams, hunts what it can see, and shoots.
 *
 * <h2>Behaviour, once per tick</h2>
 * <ul>
 *   <li><b>Roam</b>: walk to a random floor tile reachable from where it stands, along a shortest
 *       path of tile centres ({@link TileNavigator}); on arrival pick another. Walking only between
 *       centres of neighbouring floor tiles keeps it off walls. A waypoint counts as reached when it is
 *       within half a step on both axes, which bounds the sideways offset on the next leg.</li>
 *   <li><b>Get unstuck</b>: if it pressed movement keys for {@link #STUCK_TICKS} ticks but moved less than
 *       {@link #STUCK_DISTANCE_UNITS}, or finds itself far from its path (knocked back, respawned),
 *       it plans a new path from the tile it is on.</li>
 *   <li><b>Aim</b> at the nearest living player it can <em>see</em>: the straight line between centres
 *       is not cut by a wall ({@link RayCast#walls}). The aim turns toward the target at most
 *       {@link #TURN_RADIANS_PER_SECOND}, with a small seeded error per target; without a target it
 *       looks where it walks.</li>
 *   <li><b>Fire</b> only at a visible target, only when the aim passes through the target's circle, and
 *       only when the weapon is ready (the predicted cooldown, the same rule as {@code FireControl}),
 *       never a rocket at a target close enough for the splash to hurt itself.</li>
 *   <li><b>Switch weapon</b> now and then: on average every {@link #MEAN_SECONDS_BETWEEN_SWITCHES}.</li>
 * </ul>
 *
 * <p>Every random choice comes from the seed and the trigonometry from {@link StrictMath}, so the same
 * seed and the same views give the same commands on any JVM. Allocation-free after the map arrives;
 * not thread-safe (one brain per client).
 */
public final class BotBrain implements InputSource {

    /** Ticks of pressing keys without progress before the bot replans. */
    static final int STUCK_TICKS = 30;
    /** Less movement than this over {@link #STUCK_TICKS} means stuck. */
    static final double STUCK_DISTANCE_UNITS = 2.0;
    /** Fastest turn of the aim. */
    static final double TURN_RADIANS_PER_SECOND = 9.0;
    /** Largest aim error per target, each way. */
    static final double AIM_ERROR_RADIANS = 0.03;
    /** Mean time between weapon switches. */
    static final double MEAN_SECONDS_BETWEEN_SWITCHES = 8.0;
    /** Aim must pass within this share of the target's radius to fire. */
    static final double FIRE_TOLERANCE_OF_RADIUS = 0.8;

    private static final double READY_SECONDS = 1e-9;
    private static final double TWO_PI = 2 * Math.PI;

    private final long seed;
    private final SplittableRandom random;
    private TileNavigator navigator;
    private int[] path = new int[0];
    private int pathLength;
    private int pathIndex;
    private double aim;
    private Weapon weapon = Weapon.RIFLE;
    private int lastSpawnSerial = -1;
    private int targetId = -1;
    private double aimError;
    private double anchorX;
    private double anchorY;
    private int ticksSinceAnchor;
    private long stuckRecoveries;
    private long shotsFired;
    private long weaponSwitches;

    /** A brain whose every choice follows from {@code seed}. */
    public BotBrain(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void sample(ClientView view, InputCommand command) {
        GameMap map = view.map();
        PlayerView me = view.local();
        if (map == null || view.tickRateHz() <= 0 || !view.localKnown() || !me.alive()) {
            command.setAimAngle(aim).setWeapon(weapon);
            return;
        }
        if (navigator == null || navigator.map() != map) {
            navigator = new TileNavigator(map);
            path = new int[navigator.tileCount()];
            pathLength = 0;
        }
        double tickSeconds = 1.0 / view.tickRateHz();
        if (me.spawnSerial() != lastSpawnSerial) {
            lastSpawnSerial = me.spawnSerial();
            pathLength = 0;
            resetProgress(me);
        }
        maybeSwitchWeapon(tickSeconds);
        int buttons = steer(me, GameConstants.PLAYER_SPEED_UNITS_PER_SECOND * tickSeconds);
        watchProgress(me, buttons);
        boolean fire = fight(view, me, map, tickSeconds, buttons);
        command.setButtons(buttons).setAimAngle(aim).setFire(fire).setWeapon(weapon);
    }

    /** The seed this brain was made with. */
    public long seed() {
        return seed;
    }

    /** Times it found itself stuck or off its path and replanned. */
    public long stuckRecoveries() {
        return stuckRecoveries;
    }

    /** Commands in which it pressed fire. */
    public long shotsFired() {
        return shotsFired;
    }

    /** Weapon switches so far. */
    public long weaponSwitches() {
        return weaponSwitches;
    }

    // ------------------------------------------------------------------ movement

    private int steer(PlayerView me, double stepUnits) {
        if (pathLength > 0 && offPath(me)) {
            stuckRecoveries++;
            pathLength = 0;
        }
        if (pathLength == 0 || pathIndex >= pathLength) {
            plan(me);
        }
        while (pathIndex < pathLength && reached(me, path[pathIndex], stepUnits)) {
            pathIndex++;
        }
        if (pathIndex >= pathLength) {
            return 0;
        }
        int waypoint = path[pathIndex];
        double dx = navigator.centreX(waypoint) - me.x();
        double dy = navigator.centreY(waypoint) - me.y();
        int buttons = 0;
        if (Math.abs(dx) > stepUnits / 2) {
            buttons |= dx > 0 ? InputCommand.MOVE_RIGHT : InputCommand.MOVE_LEFT;
        }
        if (Math.abs(dy) > stepUnits / 2) {
            buttons |= dy > 0 ? InputCommand.MOVE_DOWN : InputCommand.MOVE_UP;
        }
        return buttons;
    }

    private void plan(PlayerView me) {
        int start = navigator.tileAt(me.x(), me.y());
        int goal = navigator.randomDestination(start, random);
        pathLength = navigator.path(start, goal, path);
        pathIndex = 0;
    }

    private boolean reached(PlayerView me, int tile, double stepUnits) {
        return Math.abs(navigator.centreX(tile) - me.x()) <= stepUnits / 2
                && Math.abs(navigator.centreY(tile) - me.y()) <= stepUnits / 2;
    }

    /** Farther from the current waypoint than one leg can put it: something moved the bot. */
    private boolean offPath(PlayerView me) {
        if (pathIndex >= pathLength) {
            return false;
        }
        int waypoint = path[pathIndex];
        double limit = 1.5 * navigator.map().tileSize();
        return Math.abs(navigator.centreX(waypoint) - me.x()) > limit
                || Math.abs(navigator.centreY(waypoint) - me.y()) > limit;
    }

    private void watchProgress(PlayerView me, int buttons) {
        if (buttons == 0) {
            resetProgress(me);
            return;
        }
        if (++ticksSinceAnchor < STUCK_TICKS) {
            return;
        }
        double moved = Math.hypot(me.x() - anchorX, me.y() - anchorY);
        if (moved < STUCK_DISTANCE_UNITS) {
            stuckRecoveries++;
            pathLength = 0;
        }
        resetProgress(me);
    }

    private void resetProgress(PlayerView me) {
        anchorX = me.x();
        anchorY = me.y();
        ticksSinceAnchor = 0;
    }

    // ------------------------------------------------------------------ combat

    private boolean fight(ClientView view, PlayerView me, GameMap map, double tickSeconds, int buttons) {
        PlayerView target = nearestVisible(view, me, map);
        double desired;
        if (target == null) {
            targetId = -1;
            if (buttons == 0) {
                return false;
            }
            desired = headingOf(buttons);
        } else {
            if (target.id() != targetId) {
                targetId = target.id();
                aimError = (random.nextDouble() * 2 - 1) * AIM_ERROR_RADIANS;
            }
            desired = StrictMath.atan2(target.y() - me.y(), target.x() - me.x()) + aimError;
        }
        aim = turnToward(aim, desired, TURN_RADIANS_PER_SECOND * tickSeconds);
        if (target == null) {
            return false;
        }
        double distance = Math.hypot(target.x() - me.x(), target.y() - me.y());
        double tolerance = StrictMath.asin(Math.min(1.0,
                FIRE_TOLERANCE_OF_RADIUS * GameConstants.PLAYER_RADIUS / Math.max(distance, 1e-9)));
        boolean aligned = Math.abs(angleBetween(aim, desired - aimError)) <= tolerance;
        boolean ready = me.fireCooldownSeconds() <= READY_SECONDS && me.weapon() == weapon;
        boolean safe = weapon != Weapon.ROCKET_LAUNCHER
                || distance > GameConstants.ROCKET_SPLASH_RADIUS + 2 * GameConstants.PLAYER_RADIUS;
        boolean fire = aligned && ready && safe;
        if (fire) {
            shotsFired++;
        }
        return fire;
    }

    /** The nearest living other player whose centre the bot's centre can see past the walls, or null. */
    static PlayerView nearestVisible(ClientView view, PlayerView me, GameMap map) {
        PlayerView nearest = null;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < view.otherCount(); i++) {
            PlayerView other = view.other(i);
            if (!other.alive()) {
                continue;
            }
            double distance = Math.hypot(other.x() - me.x(), other.y() - me.y());
            if (distance < nearestDistance && canSee(me, other, distance, map)) {
                nearest = other;
                nearestDistance = distance;
            }
        }
        return nearest;
    }

    /** Whether the segment between the two centres crosses no wall. */
    static boolean canSee(PlayerView me, PlayerView other, double distance, GameMap map) {
        if (distance == 0) {
            return true;
        }
        double dx = (other.x() - me.x()) / distance;
        double dy = (other.y() - me.y()) / distance;
        return RayCast.walls(map, me.x(), me.y(), dx, dy, 0) >= distance;
    }

    private void maybeSwitchWeapon(double tickSeconds) {
        if (random.nextDouble() < tickSeconds / MEAN_SECONDS_BETWEEN_SWITCHES) {
            weapon = weapon == Weapon.RIFLE ? Weapon.ROCKET_LAUNCHER : Weapon.RIFLE;
            weaponSwitches++;
        }
    }

    private static double headingOf(int buttons) {
        int across = ((buttons & InputCommand.MOVE_RIGHT) != 0 ? 1 : 0) - ((buttons & InputCommand.MOVE_LEFT) != 0 ? 1 : 0);
        int down = ((buttons & InputCommand.MOVE_DOWN) != 0 ? 1 : 0) - ((buttons & InputCommand.MOVE_UP) != 0 ? 1 : 0);
        return StrictMath.atan2(down, across);
    }

    private static double turnToward(double from, double to, double maxTurn) {
        double turn = angleBetween(from, to);
        double next = from + Math.max(-maxTurn, Math.min(maxTurn, turn));
        return next - TWO_PI * Math.floor(next / TWO_PI);
    }

    /** The signed shorter turn from {@code from} to {@code to}, in {@code [-pi, pi)}. */
    private static double angleBetween(double from, double to) {
        double turn = to - from;
        return turn - TWO_PI * Math.floor(turn / TWO_PI + 0.5);
    }
}
