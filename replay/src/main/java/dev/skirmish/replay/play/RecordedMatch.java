package dev.skirmish.replay.play;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.input.InputCommand;
import dev.skirmish.game.message.GameMessage;
import dev.skirmish.game.message.GameMessageCodec;
import dev.skirmish.game.message.MapInfo;
import dev.skirmish.game.message.PlayerJoined;
import dev.skirmish.game.message.Welcome;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.game.snapshot.MissingBaselineException;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotDecoder;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import dev.skirmish.game.snapshot.SnapshotRing;
import dev.skirmish.game.wire.WireFormatException;
import dev.skirmish.replay.analysis.Direction;
import dev.skirmish.replay.analysis.RecoveredMessage;
import dev.skirmish.replay.analysis.SessionTrace;
import dev.skirmish.replay.analysis.TracedConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The game as one connection of a capture saw it, decoded: the server's {@link Welcome} (player id, tick
 * rate) and {@link MapInfo}, its other event messages with the tick at which each went out, every
 * snapshot it sent decoded against its baseline, and the input commands the client sent (the recorded
 * player's).
 *
 * <p><b>Snapshots.</b> Channel {@link GameChannels#SNAPSHOTS} messages are decoded in sequence order,
 * each against the decoded snapshot of the tick it names as baseline. A delta whose baseline is not
 * there (lost before a client-side capture point, or never captured) cannot be decoded and is skipped,
 * as are the following deltas until one names a decoded baseline or a full snapshot arrives; they are
 * counted ({@link #skippedSnapshots()}). A snapshot no newer than the last decoded is stale and dropped.
 * Decoded snapshots are kept re-encoded in full (a few bytes per player), so a long match stays small.
 *
 * <p><b>Event ticks.</b> An event goes out in playback with the first snapshot the capture saw at the
 * same instant or after it, just ahead of that snapshot, so kill feed and scores keep their place
 * relative to the world.
 *
 * <p><b>Input.</b> Every {@link ClientUpdate} on {@link GameChannels#INPUT} carries the newest few
 * commands (redundantly); each command number is kept once. Numbers never seen are counted
 * ({@link #missingCommands()}): the recorded server never applied them either.
 */
public final class RecordedMatch {

    /** An event message and the recorded tick whose snapshot it goes out ahead of. */
    public record TimedEvent(int tick, GameMessage message) {
    }

    /** Decoded snapshots kept as baselines while decoding: more than the encoder's oldest baseline. */
    private static final int BASELINE_RING = SnapshotEncoder.MAX_BASELINE_AGE_TICKS + 1;

    private final Path file;
    private final int connection;
    private final Welcome welcome;
    private final MapInfo map;
    private final String playerName;
    private final int[] ticks;
    private final int[] lastProcessedCommands;
    private final byte[][] fullSnapshots;
    private final List<TimedEvent> events;
    private final InputCommand[] commands;
    private final int firstCommandNumber;
    private final long skippedSnapshots;
    private final long malformedMessages;
    private final long missingCommands;
    private final SnapshotDecoder decoder = new SnapshotDecoder();

    private RecordedMatch(Builder b) {
        this.file = b.file;
        this.connection = b.connection;
        this.welcome = b.welcome;
        this.map = b.map;
        this.playerName = b.playerName;
        int count = b.ticks.size();
        this.ticks = new int[count];
        this.lastProcessedCommands = new int[count];
        this.fullSnapshots = b.fullSnapshots.toArray(new byte[0][]);
        for (int i = 0; i < count; i++) {
            ticks[i] = b.ticks.get(i);
            lastProcessedCommands[i] = b.lastProcessed.get(i);
        }
        this.events = List.copyOf(b.events);
        this.commands = b.commands;
        this.firstCommandNumber = b.firstCommandNumber;
        this.skippedSnapshots = b.skippedSnapshots;
        this.malformedMessages = b.malformedMessages;
        this.missingCommands = b.missingCommands;
    }

    /**
     * The first connection of {@code trace} whose {@link Welcome} the capture holds and that can be
     * played: connections with a Welcome are tried in order, so one that left right after joining (no
     * map or snapshots) does not hide a later one that played.
     *
     * @throws NotPlayableException if no connection has a Welcome, or none of those is playable (with
     *     the first one's reason)
     */
    public static RecordedMatch of(SessionTrace trace) throws NotPlayableException {
        List<RecoveredMessage> messages = trace.messages();
        GameMessageCodec codec = new GameMessageCodec();
        NotPlayableException first = null;
        for (TracedConnection connection : trace.connections()) {
            if (!hasWelcome(codec, messages, connection.index())) {
                continue;
            }
            try {
                return of(trace, messages, connection.index());
            } catch (NotPlayableException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        throw new NotPlayableException(trace.file() + ": no game session to play: none of its "
                + trace.connections().size() + " connection(s) shows the server's Welcome (capture from the start of a"
                + " session, with --record on the server or the client)");
    }

    private static boolean hasWelcome(GameMessageCodec codec, List<RecoveredMessage> messages, int connection) {
        for (RecoveredMessage message : messages) {
            if (message.connection() == connection && message.direction() == Direction.SERVER_TO_CLIENT
                    && message.channel() == GameChannels.EVENTS && isWelcome(codec, message.payload())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Connection {@code connection} of {@code trace}.
     *
     * @throws NotPlayableException if there is no such connection, or it lacks a Welcome, map or snapshots
     */
    public static RecordedMatch of(SessionTrace trace, int connection) throws NotPlayableException {
        if (connection < 0 || connection >= trace.connections().size()) {
            throw new NotPlayableException(trace.file() + ": no connection " + connection + "; the capture has "
                    + trace.connections().size() + " (numbered from 0, as replay info lists them)");
        }
        return of(trace, trace.messages(), connection);
    }

    private static boolean isWelcome(GameMessageCodec codec, byte[] payload) {
        try {
            return codec.decode(payload) instanceof Welcome;
        } catch (WireFormatException e) {
            return false;
        }
    }

    private static RecordedMatch of(SessionTrace trace, List<RecoveredMessage> all, int connection)
            throws NotPlayableException {
        Builder b = new Builder(trace.file(), connection);
        List<RecoveredMessage> ours = new ArrayList<>();
        for (RecoveredMessage message : all) {
            if (message.connection() == connection) {
                ours.add(message);
            }
        }
        ours.sort(Comparator.comparingInt(RecoveredMessage::channel).thenComparingLong(RecoveredMessage::sequence));
        List<RecoveredMessage> eventMessages = new ArrayList<>();
        for (RecoveredMessage message : ours) {
            if (message.direction() == Direction.SERVER_TO_CLIENT && message.channel() == GameChannels.SNAPSHOTS) {
                b.addSnapshot(message);
            } else if (message.direction() == Direction.SERVER_TO_CLIENT && message.channel() == GameChannels.EVENTS) {
                eventMessages.add(message);
            } else if (message.direction() == Direction.CLIENT_TO_SERVER && message.channel() == GameChannels.INPUT) {
                b.addUpdate(message);
            }
        }
        String where = trace.file() + ": connection " + connection;
        for (RecoveredMessage message : eventMessages) {
            b.addEvent(message);
        }
        if (b.welcome == null) {
            throw new NotPlayableException(where + ": the capture holds no Welcome from the server on it,"
                    + " so there is no game session to play");
        }
        if (b.map == null) {
            throw new NotPlayableException(where + ": the capture holds no map (MapInfo) from the server");
        }
        if (b.ticks.isEmpty()) {
            throw new NotPlayableException(where + ": no snapshot of the game could be decoded ("
                    + b.skippedSnapshots + " skipped for a missing baseline, " + b.malformedMessages + " malformed)");
        }
        b.finish();
        return new RecordedMatch(b);
    }

    /** Collects what the decoding passes find. */
    private static final class Builder {
        final Path file;
        final int connection;
        final GameMessageCodec codec = new GameMessageCodec();
        final SnapshotDecoder decoder = new SnapshotDecoder();
        final SnapshotEncoder encoder = new SnapshotEncoder();
        final SnapshotRing baselines = new SnapshotRing(BASELINE_RING);
        final Snapshot scratch = new Snapshot();
        final List<Integer> ticks = new ArrayList<>();
        final List<Long> micros = new ArrayList<>();
        final List<Integer> lastProcessed = new ArrayList<>();
        final List<byte[]> fullSnapshots = new ArrayList<>();
        final List<TimedEvent> events = new ArrayList<>();
        final ClientUpdate update = new ClientUpdate();
        final InputCommand[] decoded = new InputCommand[GameConstants.INPUT_REDUNDANCY];
        final TreeMap<Integer, InputCommand> byNumber = new TreeMap<>();
        Welcome welcome;
        MapInfo map;
        String playerName;
        InputCommand[] commands = new InputCommand[0];
        int firstCommandNumber;
        long skippedSnapshots;
        long malformedMessages;
        long missingCommands;
        long newestMicros = Long.MIN_VALUE;

        Builder(Path file, int connection) {
            this.file = file;
            this.connection = connection;
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = new InputCommand();
            }
        }

        void addSnapshot(RecoveredMessage message) {
            byte[] data = message.payload();
            try {
                int baselineTick = decoder.baselineTick(data, 0, data.length);
                Snapshot baseline = baselineTick == SnapshotEncoder.NO_BASELINE ? null : baselines.get(baselineTick);
                decoder.decode(data, 0, data.length, baseline, scratch);
            } catch (MissingBaselineException e) {
                skippedSnapshots++;
                return;
            } catch (WireFormatException e) {
                malformedMessages++;
                return;
            }
            if (!ticks.isEmpty() && scratch.tick() <= ticks.get(ticks.size() - 1)) {
                return;
            }
            baselines.put(scratch);
            int length = encoder.encode(scratch, null);
            ticks.add(scratch.tick());
            // Captured instants are kept non-decreasing, so that event ticks can be found by search.
            newestMicros = Math.max(newestMicros, message.firstSeenMicros());
            micros.add(newestMicros);
            lastProcessed.add(scratch.lastProcessedCommand());
            fullSnapshots.add(Arrays.copyOf(encoder.buffer(), length));
        }

        void addEvent(RecoveredMessage message) {
            GameMessage decodedMessage;
            try {
                decodedMessage = codec.decode(message.payload());
            } catch (WireFormatException e) {
                malformedMessages++;
                return;
            }
            if (decodedMessage instanceof Welcome w) {
                welcome = welcome == null ? w : welcome;
                return;
            }
            if (decodedMessage instanceof MapInfo m) {
                map = map == null ? m : map;
                return;
            }
            if (decodedMessage instanceof PlayerJoined joined && welcome != null && playerName == null
                    && joined.playerId() == welcome.playerId()) {
                playerName = joined.playerName();
            }
            events.add(new TimedEvent(tickAfter(message.firstSeenMicros()), decodedMessage));
        }

        /**
         * The tick after the newest snapshot captured before {@code captureMicros} (the first tick if none):
         * an event captured at the same instant as a snapshot went out with it, ahead of it, as the
         * server sends a tick's events before its snapshots.
         */
        private int tickAfter(long captureMicros) {
            int low = 0;
            int high = micros.size() - 1;
            int found = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (micros.get(middle) < captureMicros) {
                    found = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            if (ticks.isEmpty()) {
                return 0;
            }
            return found < 0 ? ticks.get(0) : ticks.get(found) + 1;
        }

        void addUpdate(RecoveredMessage message) {
            byte[] data = message.payload();
            int count;
            try {
                count = update.decode(data, 0, data.length, decoded);
            } catch (WireFormatException e) {
                malformedMessages++;
                return;
            }
            for (int i = 0; i < count; i++) {
                InputCommand command = decoded[i];
                byNumber.computeIfAbsent(command.commandNumber(), n -> new InputCommand().copyFrom(command));
            }
        }

        void finish() {
            if (playerName == null) {
                playerName = "player-" + welcome.playerId();
            }
            if (byNumber.isEmpty()) {
                return;
            }
            firstCommandNumber = byNumber.firstKey();
            commands = new InputCommand[byNumber.lastKey() - firstCommandNumber + 1];
            for (var entry : byNumber.entrySet()) {
                commands[entry.getKey() - firstCommandNumber] = entry.getValue();
            }
            missingCommands = commands.length - byNumber.size();
        }
    }

    // ------------------------------------------------------------------ the session

    public Path file() {
        return file;
    }

    /** The connection's index in the capture (as {@code replay info} numbers them). */
    public int connection() {
        return connection;
    }

    /** The recorded player's id. */
    public int playerId() {
        return welcome.playerId();
    }

    /** The recorded player's name as the server announced it. */
    public String playerName() {
        return playerName;
    }

    public int tickRateHz() {
        return welcome.tickRateHz();
    }

    public int maxPlayers() {
        return welcome.maxPlayers();
    }

    public MapInfo map() {
        return map;
    }

    /** Event messages other than Welcome and MapInfo, in the order the server sent them. */
    public List<TimedEvent> events() {
        return events;
    }

    // ------------------------------------------------------------------ snapshots

    /** Snapshots decoded, in tick order. */
    public int snapshotCount() {
        return ticks.length;
    }

    /** Tick of snapshot {@code index}. */
    public int tick(int index) {
        return ticks[index];
    }

    /** The recorded player's last applied command as snapshot {@code index} says. */
    public int lastProcessedCommand(int index) {
        return lastProcessedCommands[index];
    }

    /** Decodes snapshot {@code index} into {@code out} and returns it. Not thread-safe. */
    public Snapshot snapshot(int index, Snapshot out) {
        byte[] full = fullSnapshots[index];
        decoder.decode(full, 0, full.length, null, out);
        return out;
    }

    /** The index of the first snapshot of tick {@code tick} or later ({@link #snapshotCount()} if none). */
    public int indexAtOrAfter(int tick) {
        int found = Arrays.binarySearch(ticks, tick);
        return found >= 0 ? found : -found - 1;
    }

    public int firstTick() {
        return ticks[0];
    }

    public int lastTick() {
        return ticks[ticks.length - 1];
    }

    /** Length of the match in playback: from the first to the last snapshot's tick. */
    public long durationMicros() {
        return microsOf(lastTick());
    }

    /** Playback position of {@code tick}: microseconds from the first snapshot's tick. */
    public long microsOf(double tick) {
        return Math.round((tick - firstTick()) * 1_000_000.0 / tickRateHz());
    }

    /** The tick at playback position {@code positionMicros} (rounded down, clamped to the match). */
    public int tickAt(long positionMicros) {
        long tick = firstTick() + Math.floorDiv(positionMicros * tickRateHz(), 1_000_000L);
        return (int) Math.max(firstTick(), Math.min(lastTick(), tick));
    }

    /** Deltas skipped because their baseline could not be decoded. */
    public long skippedSnapshots() {
        return skippedSnapshots;
    }

    /** Snapshot, event and input messages that did not decode. */
    public long malformedMessages() {
        return malformedMessages;
    }

    // ------------------------------------------------------------------ input

    /** Whether the capture holds the recorded player's commands (it does unless client-to-server traffic is missing). */
    public boolean hasInput() {
        return commands.length > 0;
    }

    /** The lowest command number recorded. */
    public int firstCommandNumber() {
        return firstCommandNumber;
    }

    /** Recorded command {@code number}, or null if the capture lacks it (do not modify). */
    public InputCommand command(int number) {
        int index = number - firstCommandNumber;
        return index < 0 || index >= commands.length ? null : commands[index];
    }

    /** Command numbers between the first and last recorded that the capture lacks. */
    public long missingCommands() {
        return missingCommands;
    }

    @Override
    public String toString() {
        return "RecordedMatch[" + file + " connection " + connection + ", player " + playerId() + " (" + playerName
                + ") at " + tickRateHz() + " Hz, " + ticks.length + " snapshots (ticks " + firstTick() + ".." + lastTick()
                + ", " + skippedSnapshots + " skipped), " + events.size() + " events, " + commands.length + " commands ("
                + missingCommands + " missing)]";
    }
}
