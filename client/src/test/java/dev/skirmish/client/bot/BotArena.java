package dev.skirmish.client.bot;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientView;
import dev.skirmish.client.InputSource;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.sim.FireControl;
import dev.skirmish.game.sim.Movement;
import dev.skirmish.game.sim.PlayerState;

/**
 * Runs input sources against the shared rules directly, without a network: each tick every player's
 * view is built from the true states (no interpolation, perfect prediction), its source is sampled,
 * and the command is applied with {@link Movement} and {@link FireControl}. Players without a source
 * stand still as targets. Players can be frozen (the world refuses to move them).
 */
final class BotArena {

    /** Sees every command as it is applied. */
    interface Observer {
        /**
         * @param player  index of the player
         * @param before  state before the command (a copy)
         * @param after   state after it
         * @param command the command
         * @param fired   whether FireControl fired
         * @param view    the view the source was given
         */
        void onCommand(int player, PlayerState before, PlayerState after, InputCommand command, boolean fired,
                       ClientView view);
    }

    final GameMap map;
    final int tickRateHz;
    final double tickSeconds;
    final PlayerState[] players;
    final InputSource[] sources;
    final boolean[] frozen;
    private final ClientView[] views;
    private final InputCommand[] commands;
    private final PlayerState before = new PlayerState();
    private int commandNumber;

    BotArena(GameMap map, int players) {
        this.map = map;
        this.tickRateHz = GameConstants.DEFAULT_TICK_RATE_HZ;
        this.tickSeconds = 1.0 / tickRateHz;
        this.players = new PlayerState[players];
        this.sources = new InputSource[players];
        this.frozen = new boolean[players];
        this.views = new ClientView[players];
        this.commands = new InputCommand[players];
        for (int i = 0; i < players; i++) {
            this.players[i] = new PlayerState(i).spawn(map.spawns().get(i % map.spawns().size()));
            this.views[i] = new ClientView();
            this.commands[i] = new InputCommand();
        }
    }

    /** An arena with one player, driven by {@code source}. */
    static BotArena solo(GameMap map, InputSource source) {
        BotArena arena = new BotArena(map, 1);
        arena.sources[0] = source;
        return arena;
    }

    /** Puts player {@code index} at the centre of tile {@code (column, row)}. */
    BotArena place(int index, int column, int row) {
        players[index].setPosition((column + 0.5) * map.tileSize(), (row + 0.5) * map.tileSize());
        return this;
    }

    void run(int ticks, Observer observer) {
        for (int t = 0; t < ticks; t++) {
            step(observer);
        }
    }

    void step(Observer observer) {
        commandNumber++;
        for (int i = 0; i < players.length; i++) {
            if (sources[i] == null) {
                continue;
            }
            ClientView view = fill(i);
            InputCommand command = commands[i].setButtons(0).setFire(false).setCommandNumber(commandNumber);
            sources[i].sample(view, command);
            before.copyFrom(players[i]);
            if (!frozen[i]) {
                Movement.step(players[i], command, tickSeconds, map);
            }
            boolean fired = FireControl.tryFire(players[i], command, tickSeconds);
            observer.onCommand(i, before, players[i], command, fired, view);
        }
    }

    private ClientView fill(int index) {
        ClientView view = views[index];
        view.setPhase(ClientPhase.PLAYING, null).setSession(index, tickRateHz).setMap(map).setLocalKnown(true);
        view.local().set(players[index]);
        view.clearOthers();
        for (int i = 0; i < players.length; i++) {
            if (i != index) {
                view.addOther().set(players[i]);
            }
        }
        return view;
    }
}
