package dev.skirmish.client.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.client.ClientView;
import dev.skirmish.client.PlayerView;
import dev.skirmish.client.TestWorlds;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.ShippedMaps;
import dev.skirmish.game.sim.PlayerState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotBrainTest {

    /** A move that a wall changed by more than this was a walk into the wall. */
    private static final double CONTACT_UNITS = 0.01;

    private static final GameMap OBSTACLES = TestWorlds.obstacles().map();

    /** Where the buttons alone would have moved the player in one step. */
    private static double[] freeStep(InputCommand command, double tickSeconds) {
        int across = (command.isHeld(InputCommand.MOVE_RIGHT) ? 1 : 0) - (command.isHeld(InputCommand.MOVE_LEFT) ? 1 : 0);
        int down = (command.isHeld(InputCommand.MOVE_DOWN) ? 1 : 0) - (command.isHeld(InputCommand.MOVE_UP) ? 1 : 0);
        double scale = across != 0 && down != 0 ? Math.sqrt(0.5) : 1.0;
        double step = GameConstants.PLAYER_SPEED_UNITS_PER_SECOND * tickSeconds * scale;
        return new double[] {across * step, down * step};
    }

    /** Counts steps where walls changed the bot's move, and the tiles it visited. */
    private static final class WallWatch implements BotArena.Observer {
        final double tickSeconds;
        final GameMap map;
        int contacts;
        int moves;
        final Set<Integer> tiles = new HashSet<>();
        String firstContact;

        WallWatch(BotArena arena) {
            this.tickSeconds = arena.tickSeconds;
            this.map = arena.map;
        }

        @Override
        public void onCommand(int player, PlayerState before, PlayerState after, InputCommand command, boolean fired,
                              ClientView view) {
            double[] free = freeStep(command, tickSeconds);
            double dx = after.x() - before.x();
            double dy = after.y() - before.y();
            if (free[0] != 0 || free[1] != 0) {
                moves++;
                if (Math.abs(dx - free[0]) > CONTACT_UNITS || Math.abs(dy - free[1]) > CONTACT_UNITS) {
                    contacts++;
                    if (firstContact == null) {
                        firstContact = "command " + command + " from (" + before.x() + ", " + before.y() + ") to ("
                                + after.x() + ", " + after.y() + ")";
                    }
                }
            }
            tiles.add((int) (after.y() / map.tileSize()) * map.columns() + (int) (after.x() / map.tileSize()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void roamsWithoutEverWalkingIntoAWall(long seed) {
        BotBrain brain = new BotBrain(seed);
        BotArena arena = BotArena.solo(OBSTACLES, brain);
        WallWatch watch = new WallWatch(arena);

        arena.run(60 * 60, watch);
        assertEquals(0, watch.contacts, "seed " + seed + ": " + watch.firstContact);
        assertTrue(watch.moves > 2_000, "seed " + seed + ": it walks (" + watch.moves + " moves)");
        assertTrue(watch.tiles.size() > 60, "seed " + seed + ": it roams (" + watch.tiles.size() + " tiles)");
        assertEquals(0, brain.stuckRecoveries(), "seed " + seed + ": never stuck in a static world");
    }

    @Test
    void roamsTheShippedMapsWithoutTouchingWalls() {
        for (String name : ShippedMaps.NAMES) {
            BotArena arena = BotArena.solo(ShippedMaps.load(name), new BotBrain(42));
            WallWatch watch = new WallWatch(arena);
            arena.run(60 * 60, watch);
            assertEquals(0, watch.contacts, name + ": " + watch.firstContact);
            assertTrue(watch.tiles.size() > 100, name + ": " + watch.tiles.size() + " tiles");
        }
    }

    @Test
    void getsUnstuckWhenTheWorldStopsMovingIt() {
        long seed = 8;
        BotBrain brain = new BotBrain(seed);
        BotArena arena = BotArena.solo(OBSTACLES, brain);
        WallWatch watch = new WallWatch(arena);
        arena.run(100, watch);

        arena.frozen[0] = true;
        arena.run(BotBrain.STUCK_TICKS * 3, watch);
        assertTrue(brain.stuckRecoveries() >= 2, "seed " + seed + ": replanned " + brain.stuckRecoveries());

        arena.frozen[0] = false;
        WallWatch afterwards = new WallWatch(arena);
        arena.run(600, afterwards);
        assertTrue(afterwards.tiles.size() > 10, "seed " + seed + ": walks on afterwards");
        assertEquals(0, afterwards.contacts, "seed " + seed + ": " + afterwards.firstContact);
    }

    @Test
    void replansAfterBeingKnockedOffItsPath() {
        long seed = 9;
        BotBrain brain = new BotBrain(seed);
        BotArena arena = BotArena.solo(OBSTACLES, brain);
        WallWatch watch = new WallWatch(arena);
        arena.run(100, watch);

        arena.place(0, 17, 14);
        arena.run(600, watch);
        assertTrue(brain.stuckRecoveries() >= 1, "seed " + seed);
        assertEquals(0, watch.contacts, "seed " + seed + ": " + watch.firstContact);
    }

    @Test
    void neverFiresAtATargetBehindAWall() {
        BotArena arena = new BotArena(OBSTACLES, 2).place(0, 7, 2).place(1, 11, 2);
        BotBrain brain = new BotBrain(3);
        arena.sources[0] = brain;
        arena.frozen[0] = true;
        List<Boolean> fires = new ArrayList<>();
        arena.run(300, (player, before, after, command, fired, view) -> fires.add(command.fire()));

        assertEquals(300, fires.size());
        assertTrue(fires.stream().noneMatch(f -> f), "a wall at column 9 hides the target");
        assertEquals(0, brain.shotsFired());
    }

    @Test
    void turnsToAVisibleTargetAndFires() {
        BotArena arena = new BotArena(OBSTACLES, 2).place(0, 3, 5).place(1, 12, 5);
        BotBrain brain = new BotBrain(3);
        arena.sources[0] = brain;
        arena.frozen[0] = true;
        int[] firstShotTick = {-1};
        int[] tick = {0};
        arena.run(120, (player, before, after, command, fired, view) -> {
            if (fired && firstShotTick[0] < 0) {
                firstShotTick[0] = tick[0];
            }
            tick[0]++;
        });
        assertTrue(firstShotTick[0] >= 0 && firstShotTick[0] < 60, "fired at tick " + firstShotTick[0]);
        assertTrue(brain.shotsFired() > 3, "kept firing at the fire rate: " + brain.shotsFired());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void everyShotHasLineOfSightAndAReadyWeapon(long seed) {
        BotArena arena = new BotArena(OBSTACLES, 4);
        for (int i = 0; i < 3; i++) {
            arena.sources[i] = new BotBrain(seed * 10 + i);
        }
        int[] shots = {0};
        arena.run(60 * 60, (player, before, after, command, fired, view) -> {
            if (!command.fire()) {
                return;
            }
            shots[0]++;
            assertTrue(fired, "seed " + seed + ": fire pressed only when the weapon fires: " + command);
            PlayerView me = view.local();
            boolean anyVisible = false;
            for (int i = 0; i < view.otherCount(); i++) {
                PlayerView other = view.other(i);
                double distance = Math.hypot(other.x() - me.x(), other.y() - me.y());
                anyVisible |= other.alive() && BotBrain.canSee(me, other, distance, arena.map);
            }
            assertTrue(anyVisible, "seed " + seed + ": fired with nobody in sight: " + command);
        });
        assertTrue(shots[0] > 20, "seed " + seed + ": the bots met and fought (" + shots[0] + " shots)");
    }

    @Test
    void theSameSeedPlaysTheSameGame() {
        List<String> first = record(100);
        assertEquals(first, record(100));
        assertNotEquals(first, record(200));
    }

    private static List<String> record(long seed) {
        BotArena arena = new BotArena(OBSTACLES, 3);
        for (int i = 0; i < 3; i++) {
            arena.sources[i] = new BotBrain(seed + i);
        }
        List<String> commands = new ArrayList<>();
        arena.run(1_200, (player, before, after, command, fired, view) -> commands.add(player + ":" + command.buttons()
                + ":" + command.aimCode() + ":" + command.fire() + ":" + command.weapon()));
        return commands;
    }

    @Test
    void switchesWeaponNowAndThen() {
        BotBrain brain = new BotBrain(77);
        BotArena arena = BotArena.solo(OBSTACLES, brain);
        Set<Object> weapons = new HashSet<>();
        arena.run(60 * 100, (player, before, after, command, fired, view) -> weapons.add(command.weapon()));
        assertEquals(2, weapons.size());
        long switches = brain.weaponSwitches();
        assertTrue(switches >= 4 && switches <= 30, "about every 8 s over 100 s: " + switches);
    }
}
