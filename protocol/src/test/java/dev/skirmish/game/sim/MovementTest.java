package dev.skirmish.game.sim;

import static dev.skirmish.game.GameConstants.PLAYER_RADIUS;
import static dev.skirmish.game.GameConstants.PLAYER_SPEED_UNITS_PER_SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.TestMaps;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.ShippedMaps;
import dev.skirmish.game.map.SpawnPoint;
import dev.skirmish.game.map.WallRect;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MovementTest {

    private static final double TICK = 1.0 / GameConstants.DEFAULT_TICK_RATE_HZ;

    private final GameMap open = TestMaps.open();

    @Test
    void movesAtFullSpeedInOpenSpace() {
        PlayerState player = spawnedAt(300, 300);

        Movement.step(player, command(InputCommand.MOVE_RIGHT), TICK, open);

        assertEquals(300 + PLAYER_SPEED_UNITS_PER_SECOND * TICK, player.x(), 1e-9);
        assertEquals(300, player.y());
    }

    @Test
    void diagonalsMoveAtTheSameSpeed() {
        PlayerState player = spawnedAt(300, 300);

        Movement.step(player, command(InputCommand.MOVE_DOWN | InputCommand.MOVE_LEFT), TICK, open);

        double moved = Math.hypot(player.x() - 300, player.y() - 300);
        assertEquals(PLAYER_SPEED_UNITS_PER_SECOND * TICK, moved, 1e-9);
        assertTrue(player.x() < 300 && player.y() > 300);
    }

    @Test
    void oppositeButtonsCancel() {
        PlayerState player = spawnedAt(300, 300);

        Movement.step(player, command(InputCommand.MOVE_LEFT | InputCommand.MOVE_RIGHT | InputCommand.MOVE_UP), TICK, open);

        assertEquals(300, player.x());
        assertEquals(300 - PLAYER_SPEED_UNITS_PER_SECOND * TICK, player.y(), 1e-9);
    }

    @Test
    void takesTheCommandsAim() {
        PlayerState player = spawnedAt(300, 300);
        InputCommand command = command(0).setAimAngle(1.25);

        Movement.step(player, command, TICK, open);

        assertEquals(command.aimAngle(), player.aimAngle());
    }

    @Test
    void slidesAlongAWallWhenMovingDiagonallyIntoIt() {
        GameMap map = TestMaps.grid(32,
                "..........",
                "....S.....",
                "..........",
                "##########");
        PlayerState player = spawnedAt(100, 96 - PLAYER_RADIUS - 1);
        InputCommand downRight = command(InputCommand.MOVE_DOWN | InputCommand.MOVE_RIGHT);

        for (int i = 0; i < 30; i++) {
            Movement.step(player, downRight, TICK, map);
        }

        assertEquals(96 - PLAYER_RADIUS, player.y(), 1e-6, "pressed against the wall top");
        double along = 30 * TICK * PLAYER_SPEED_UNITS_PER_SECOND * Math.sqrt(0.5);
        assertEquals(100 + along, player.x(), 1e-6, "kept the sideways half of the motion");
    }

    @Test
    void slidesRoundAConvexCorner() {
        GameMap map = TestMaps.grid(32,
                "S.........",
                "..........",
                "....##....",
                "....##....",
                "..........");
        // The block's top-left corner is (128, 64); this path clips it by 9 units.
        PlayerState player = spawnedAt(100, 64 - PLAYER_RADIUS + 9);
        InputCommand right = command(InputCommand.MOVE_RIGHT);

        for (int i = 0; i < 60; i++) {
            Movement.step(player, right, TICK, map);
            assertNoOverlap(player, map);
        }

        assertTrue(player.x() > 200, "passed the block: " + player);
        assertEquals(64 - PLAYER_RADIUS, player.y(), 1e-6, "deflected onto the block's top face");
    }

    @Test
    void neverTunnelsThroughAThinWallWithTheLongestStep() {
        GameMap map = TestMaps.grid(28,
                "S...#....",
                "....#....",
                "....#....",
                "....#....");
        PlayerState player = spawnedAt(60, 56);
        InputCommand right = command(InputCommand.MOVE_RIGHT);

        for (int i = 0; i < 40; i++) {
            Movement.step(player, right, GameConstants.MAX_STEP_SECONDS, map);
            assertTrue(player.x() <= 4 * 28 - PLAYER_RADIUS + 1e-6, "step " + i + ": " + player);
        }
        assertEquals(4 * 28 - PLAYER_RADIUS, player.x(), 1e-6);
    }

    @Test
    void neverEndsAStepOverlappingAWallOnShippedMaps() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            GameMap map = ShippedMaps.load(seed % 2 == 0 ? "arena" : "warehouse");
            SpawnPoint spawn = map.spawns().get(random.nextInt(map.spawns().size()));
            PlayerState player = spawnedAt(spawn.x(), spawn.y());
            InputCommand command = new InputCommand();
            for (int step = 0; step < 300; step++) {
                if (random.nextInt(10) == 0) {
                    command.setButtons(random.nextInt(16));
                }
                double dt = random.nextBoolean() ? TICK : random.nextDouble(1e-4, GameConstants.MAX_STEP_SECONDS);
                Movement.step(player, command, dt, map);
                assertNoOverlap(player, map, seed, step);
            }
        }
    }

    @Test
    void staysInsideAWorldWithoutBorderWalls() {
        PlayerState player = spawnedAt(50, 50);
        for (int i = 0; i < 100; i++) {
            Movement.step(player, command(InputCommand.MOVE_LEFT | InputCommand.MOVE_UP), GameConstants.MAX_STEP_SECONDS, open);
        }
        assertEquals(PLAYER_RADIUS, player.x());
        assertEquals(PLAYER_RADIUS, player.y());
        for (int i = 0; i < 100; i++) {
            Movement.step(player, command(InputCommand.MOVE_RIGHT | InputCommand.MOVE_DOWN), GameConstants.MAX_STEP_SECONDS, open);
        }
        assertEquals(open.width() - PLAYER_RADIUS, player.x());
        assertEquals(open.height() - PLAYER_RADIUS, player.y());
    }

    @Test
    void sameCommandsGiveBitIdenticalPositions() {
        GameMap map = ShippedMaps.load("warehouse");
        for (long seed = 100; seed < 110; seed++) {
            InputCommand[] commands = randomCommands(new SplittableRandom(seed), 600);
            SpawnPoint spawn = map.spawns().get((int) (seed % map.spawns().size()));
            PlayerState server = spawnedAt(spawn.x(), spawn.y());
            PlayerState client = spawnedAt(spawn.x(), spawn.y());
            PlayerState bystander = spawnedAt(spawn.x(), spawn.y());
            for (int i = 0; i < commands.length; i++) {
                Movement.step(server, commands[i], TICK, map);
                // Unrelated simulation in between must not influence the result.
                Movement.step(bystander, commands[commands.length - 1 - i], TICK, map);
                Movement.step(client, commands[i], TICK, map);
                assertEquals(Double.doubleToRawLongBits(server.x()), Double.doubleToRawLongBits(client.x()), "seed " + seed);
                assertEquals(Double.doubleToRawLongBits(server.y()), Double.doubleToRawLongBits(client.y()), "seed " + seed);
            }
        }
    }

    @Test
    void predictionReplayFromAnAcknowledgedStateMatchesTheServer() {
        GameMap map = ShippedMaps.load("arena");
        InputCommand[] commands = randomCommands(new SplittableRandom(5), 200);
        SpawnPoint spawn = map.spawns().get(3);
        PlayerState server = spawnedAt(spawn.x(), spawn.y());
        PlayerState acknowledged = new PlayerState();
        for (int i = 0; i < 120; i++) {
            Movement.step(server, commands[i], TICK, map);
        }
        acknowledged.copyFrom(server);
        for (int i = 120; i < 200; i++) {
            Movement.step(server, commands[i], TICK, map);
        }
        for (int i = 120; i < 200; i++) {
            Movement.step(acknowledged, commands[i], TICK, map);
        }
        assertEquals(server.x(), acknowledged.x());
        assertEquals(server.y(), acknowledged.y());
    }

    @Test
    void deadPlayersDoNotMove() {
        PlayerState player = spawnedAt(300, 300);
        player.applyDamage(GameConstants.MAX_HEALTH);

        Movement.step(player, command(InputCommand.MOVE_RIGHT), TICK, open);

        assertEquals(300, player.x());
    }

    @Test
    void refusesStepsOutsideTheAllowedRange() {
        PlayerState player = spawnedAt(300, 300);
        InputCommand command = command(0);
        for (double dt : new double[] {0, -TICK, Double.NaN, Double.POSITIVE_INFINITY, GameConstants.MAX_STEP_SECONDS * 2}) {
            assertThrows(IllegalArgumentException.class, () -> Movement.step(player, command, dt, open), "dt " + dt);
        }
    }

    static PlayerState spawnedAt(double x, double y) {
        return new PlayerState(1).spawn(new SpawnPoint(x, y));
    }

    static InputCommand command(int buttons) {
        return new InputCommand().setButtons(buttons);
    }

    private static InputCommand[] randomCommands(SplittableRandom random, int count) {
        InputCommand[] commands = new InputCommand[count];
        for (int i = 0; i < count; i++) {
            commands[i] = new InputCommand().setCommandNumber(i).setButtons(random.nextInt(16))
                    .setAimAngle(random.nextDouble(-Math.PI, Math.PI));
        }
        return commands;
    }

    private static void assertNoOverlap(PlayerState player, GameMap map) {
        assertNoOverlap(player, map, 0, 0);
    }

    private static void assertNoOverlap(PlayerState player, GameMap map, long seed, int step) {
        Supplier<String> context = () -> "seed " + seed + " step " + step + ": " + player;
        for (WallRect wall : map.walls()) {
            double nx = Math.max(wall.minX(), Math.min(player.x(), wall.maxX()));
            double ny = Math.max(wall.minY(), Math.min(player.y(), wall.maxY()));
            double distance = Math.hypot(player.x() - nx, player.y() - ny);
            assertTrue(distance >= PLAYER_RADIUS - 1e-6, () -> context.get() + " overlaps " + wall);
        }
        assertTrue(player.x() >= PLAYER_RADIUS && player.x() <= map.width() - PLAYER_RADIUS, context);
        assertTrue(player.y() >= PLAYER_RADIUS && player.y() <= map.height() - PLAYER_RADIUS, context);
    }
}
