package dev.skirmish.server;

import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import dev.skirmish.game.snapshot.SnapshotRing;
import dev.skirmish.server.input.CommandQueue;
import dev.skirmish.server.world.ServerPlayer;
import dev.skirmish.transport.Connection;

/**
 * One client connection as the server sees it: the player it plays (once it has joined), its waiting
 * commands, the snapshots sent to it (the baselines its acknowledgements can name) and the newest one
 * it acknowledged. Attached to its {@link Connection}.
 */
final class ClientSession {

    final Connection connection;
    final CommandQueue commands;
    final SnapshotRing sentSnapshots;
    final int connectedTick;
    /** Chat lines a client may send in a burst; the allowance refills at one line per second. */
    static final int CHAT_BURST_LINES = 5;

    ServerPlayer player;
    /** The server has decided to close this connection; what it still sends is ignored, not counted. */
    boolean closing;
    int ackedTick = ClientUpdate.NO_SNAPSHOT;
    long fullSnapshots;
    long deltaSnapshots;
    long snapshotBytes;
    long refusedSnapshots;
    private double chatAllowance = CHAT_BURST_LINES;
    private int chatAllowanceTick;

    ClientSession(Connection connection, int backlogCommands, int maxCommandJump, int snapshotRingCapacity,
                  int connectedTick) {
        this.connection = connection;
        this.commands = new CommandQueue(backlogCommands, maxCommandJump);
        this.sentSnapshots = new SnapshotRing(snapshotRingCapacity);
        this.connectedTick = connectedTick;
        this.chatAllowanceTick = connectedTick;
    }

    boolean joined() {
        return player != null;
    }

    /**
     * The snapshot to encode tick {@code tick} against: the newest one this client acknowledged, if
     * the ring still holds it and it is young enough for the encoder; null for a full snapshot. Looked
     * up before the ring takes tick {@code tick}, which may reuse the slot of an old baseline.
     */
    Snapshot baselineFor(int tick) {
        if (ackedTick == ClientUpdate.NO_SNAPSHOT) {
            return null;
        }
        int age = tick - ackedTick;
        if (age <= 0 || age >= sentSnapshots.capacity() || age > SnapshotEncoder.MAX_BASELINE_AGE_TICKS) {
            return null;
        }
        return sentSnapshots.get(ackedTick);
    }

    /** Spends one line of chat allowance at {@code tick} if there is one (a token bucket, refilled lazily). */
    boolean allowChat(int tick, int tickRateHz) {
        chatAllowance = Math.min(CHAT_BURST_LINES, chatAllowance + (double) (tick - chatAllowanceTick) / tickRateHz);
        chatAllowanceTick = tick;
        if (chatAllowance < 1) {
            return false;
        }
        chatAllowance--;
        return true;
    }

    @Override
    public String toString() {
        return "ClientSession[" + connection + (player == null ? " (not joined)" : " player " + player.id()) + "]";
    }
}
