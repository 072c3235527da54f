package dev.skirmish.client;

/**
 * Told about every reconciliation of the local player's prediction: for diagnostics overlays, tests
 * and benchmarks. Called on the client's network thread; must not block.
 */
@FunctionalInterface
public interface ReconciliationListener {

    /**
     * The server's state after {@code commandNumber} arrived and was compared with the prediction for it.
     *
     * @param commandNumber  the last command the server applied
     * @param errorUnits     distance between predicted and authoritative position for that command
     * @param counted        whether this counted as a correction (above the epsilon, and not a spawn or death,
     *                       which no client can predict)
     */
    void onReconciled(int commandNumber, double errorUnits, boolean counted);

    /** A listener that ignores everything. */
    ReconciliationListener NONE = (commandNumber, errorUnits, counted) -> { };
}
