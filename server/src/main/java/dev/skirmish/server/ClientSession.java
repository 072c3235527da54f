package dev.skirmish.server;

import dev.skirmish.game.snapshot.SnapshotBaselines;
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
    final SnapshotBaselines baselines;
    final int connectedTick;
    /** Chat lines a client may send in a burst; the allowance refills at one line per second. */
    static final int CHAT_BURST_LINES = 5;

    ServerPlayer player;
    /** The server has decided to close this connection; what it still sends is ignored, not counted. */
    boolean closing;
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
        this.baselines = new SnapshotBaselines(snapshotRingCapacity);
        this.connectedTick = connectedTick;
        this.chatAllowanceTick = connectedTick;
    }

    boolean joined() {
        return player != null;
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
