package dev.skirmish.client;

import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.sim.FireControl;
import dev.skirmish.game.sim.Movement;
import dev.skirmish.game.sim.PlayerState;
import dev.skirmish.game.snapshot.PlayerSnapshot;
import dev.skirmish.game.snapshot.Snapshot;

/**
 * Client-side prediction of the local player, and its reconciliation with the server.
 *
 * <p><b>Predict.</b> Each new command is applied at once with the shared rules ({@link Movement#step},
 * then {@link FireControl#tryFire}) over one tick, exactly as the server will apply it, and the result
 * is stored with the command in the {@link CommandHistory}.
 *
 * <p><b>Reconcile.</b> Each snapshot carries the local player's authoritative state after the last
 * command the server applied ({@code L}). The predictor compares that position with what it predicted
 * for {@code L}; a difference above {@link #CORRECTION_EPSILON_UNITS} is a correction (counted, largest
 * kept). Then it adopts the server's state, keeps its own fire cooldown for {@code L} (snapshots do not
 * carry cooldowns), and re-applies commands {@code L+1..newest}. Deaths and respawns are not
 * mispredictions (no client can foresee them), so they rebase without counting. The epsilon covers the
 * snapshot's quantization of positions (1/16 unit per axis), which otherwise would show up as error.
 *
 * <p>Allocation-free; not thread-safe.
 */
final class LocalPredictor {

    /** Position differences up to this many units are quantization, not corrections. */
    static final double CORRECTION_EPSILON_UNITS = 0.25;

    private final CommandHistory history;
    private final PlayerState state = new PlayerState();
    private GameMap map;
    private double tickSeconds;
    private boolean known;
    private int lastServerSpawnSerial = -1;
    private long corrections;
    private double largestCorrectionUnits;
    private ReconciliationListener listener = ReconciliationListener.NONE;

    LocalPredictor(CommandHistory history) {
        this.history = history;
    }

    /** Sets the map and the tick rate the commands are stepped at; prediction waits for both. */
    void configure(GameMap map, int tickRateHz) {
        this.map = map;
        this.tickSeconds = 1.0 / tickRateHz;
    }

    void setListener(ReconciliationListener listener) {
        this.listener = listener == null ? ReconciliationListener.NONE : listener;
    }

    /** Whether the local player's state is known (a snapshot with them has been reconciled). */
    boolean known() {
        return known;
    }

    /** The predicted local player after the newest command; meaningful when {@link #known()}. */
    PlayerState state() {
        return state;
    }

    long corrections() {
        return corrections;
    }

    double largestCorrectionUnits() {
        return largestCorrectionUnits;
    }

    /** Applies {@code command}, the newest in the history, to the prediction (if it can run yet). */
    void predict(InputCommand command) {
        if (!known || map == null) {
            return;
        }
        apply(command);
    }

    /**
     * Adopts the server's state of the local player after command {@code lastProcessedCommand}
     * ({@link Snapshot#NO_COMMAND} if none yet) and re-applies the later commands.
     */
    void reconcile(PlayerSnapshot server, int lastProcessedCommand) {
        if (map == null) {
            return;
        }
        measure(server, lastProcessedCommand);
        lastServerSpawnSerial = server.spawnSerial();
        double cooldown = history.hasPrediction(lastProcessedCommand)
                ? history.predictedCooldownSeconds(lastProcessedCommand) : 0;
        server.applyTo(state);
        state.setFireCooldownSeconds(cooldown).setSpawnCount(server.spawnSerial());
        known = true;
        if (history.holds(lastProcessedCommand)) {
            history.recordPrediction(lastProcessedCommand, state);
        }
        int from = lastProcessedCommand == Snapshot.NO_COMMAND ? history.oldest() : lastProcessedCommand + 1;
        from = Math.max(from, history.oldest());
        for (int number = from; number >= 0 && number <= history.newest(); number++) {
            apply(history.get(number));
        }
    }

    private void measure(PlayerSnapshot server, int lastProcessedCommand) {
        if (!known || lastProcessedCommand == Snapshot.NO_COMMAND || !history.hasPrediction(lastProcessedCommand)) {
            return;
        }
        double dx = server.x() - history.predictedX(lastProcessedCommand);
        double dy = server.y() - history.predictedY(lastProcessedCommand);
        double errorUnits = Math.sqrt(dx * dx + dy * dy);
        boolean predictable = server.spawnSerial() == lastServerSpawnSerial
                && server.alive() && history.predictedAlive(lastProcessedCommand);
        boolean counted = predictable && errorUnits > CORRECTION_EPSILON_UNITS;
        if (counted) {
            corrections++;
            largestCorrectionUnits = Math.max(largestCorrectionUnits, errorUnits);
        }
        listener.onReconciled(lastProcessedCommand, errorUnits, counted);
    }

    private void apply(InputCommand command) {
        Movement.step(state, command, tickSeconds, map);
        FireControl.tryFire(state, command, tickSeconds);
        history.recordPrediction(command.commandNumber(), state);
    }
}
