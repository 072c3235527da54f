package dev.skirmish.replay.play;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientView;
import dev.skirmish.client.GameClient;
import dev.skirmish.client.GameClientConfig;
import dev.skirmish.client.InputSource;
import dev.skirmish.client.ReconciliationListener;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.transport.sim.LinkConditions;
import dev.skirmish.transport.sim.SimulatedNetwork;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Demo playback of a {@link RecordedMatch}, deterministic and single-threaded: a {@link PlaybackServer}
 * and a real {@link GameClient} on a {@link SimulatedNetwork} whose links carry the chosen impairments,
 * advanced by the caller. {@link PlaybackSession} runs one on a thread against the wall clock.
 *
 * <p><b>Time.</b> {@link #advance(long)} takes elapsed wall time; the network runs {@code speed} times
 * that in virtual time ({@link #speeds()}, exact: the speeds are multiples of a quarter), nothing while
 * paused. Everything inside runs at its normal pace in virtual time, so at 2x a second of wall time
 * plays two seconds of the match, interpolation and prediction included.
 *
 * <p><b>Seeking</b> starts a fresh server, client and network positioned at the first recorded snapshot
 * at or after the asked position: transport time never runs backwards, and a new client joins as a
 * live one would (a full snapshot first, then deltas). The position is the recorded tick the server
 * plays, as microseconds from the first snapshot.
 *
 * <p><b>Prediction.</b> With the recorded player's commands in the capture, the client predicts as the
 * recorded player's client did, from {@link RecordedInput} (see {@link PlaybackServer} for the command
 * numbering); without them it spectates: the recorded player drawn from snapshots like the others.
 *
 * <p><b>Determinism.</b> Each pair's network and endpoints draw from a generator split off the seed,
 * one split per pair, so the same match, conditions, seed and sequence of calls give the same run.
 * Not thread-safe.
 */
public final class Playback {

    /** The playback speeds, slowest first. */
    private static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4};
    private static final List<Double> SPEED_LIST = Arrays.stream(SPEEDS).boxed().toList();

    /** Longest virtual time a seek while paused runs for the new client to join. */
    public static final long SETTLE_LIMIT_NANOS = 10_000_000_000L;
    /** Beyond the interpolation delay, what a paused seek runs so that a frame of the new position is out. */
    private static final long SETTLE_EXTRA_NANOS = 50_000_000L;

    static final InetSocketAddress SERVER_ADDRESS = new InetSocketAddress("10.0.0.1", 7777);
    static final InetSocketAddress CLIENT_ADDRESS = new InetSocketAddress("10.0.0.2", 50_000);
    private static final int NORMAL_SPEED_INDEX = 2;

    private final RecordedMatch match;
    private final LinkConditions conditions;
    private final SplittableRandom random;
    private int speedIndex = NORMAL_SPEED_INDEX;
    private boolean paused;
    private long quarterNanosCarry;
    private int followedPlayerId;
    private int pairs;
    private Consumer<Snapshot> snapshotListener;
    private ReconciliationListener reconciliationListener;
    private SimulatedNetwork network;
    private PlaybackServer server;
    private GameClient client;
    private InputSource input;

    /** A playback of {@code match} from its start over links with {@code conditions}, all randomness from {@code seed}. */
    public Playback(RecordedMatch match, LinkConditions conditions, long seed) {
        this.match = match;
        this.conditions = conditions;
        this.random = new SplittableRandom(seed);
        this.followedPlayerId = match.playerId();
        startPair(0);
    }

    private void startPair(int snapshotIndex) {
        SplittableRandom pairRandom = random.split();
        network = new SimulatedNetwork(pairRandom.nextLong());
        network.setDefaultLink(conditions);
        server = new PlaybackServer(match, snapshotIndex, pairRandom.split());
        input = match.hasInput() ? new RecordedInput(match, server.commandBase()) : InputSource.IDLE;
        GameClientConfig config = GameClientConfig.builder(match.playerName())
                .transport(PlaybackServer.transportConfig(match))
                .prediction(match.hasInput())
                .build();
        client = new GameClient(config, input, pairRandom.split());
        client.setSnapshotListener(snapshotListener);
        client.setReconciliationListener(reconciliationListener);
        network.attach(SERVER_ADDRESS, server);
        network.attach(CLIENT_ADDRESS, client);
        client.connect(network.nowNanos(), SERVER_ADDRESS);
        pairs++;
    }

    // ------------------------------------------------------------------ time

    /** Lets {@code wallNanos} of wall time pass: {@code speed} times as much playback, none while paused. */
    public void advance(long wallNanos) {
        if (wallNanos < 0) {
            throw new IllegalArgumentException("wallNanos must be >= 0, got " + wallNanos);
        }
        if (paused || wallNanos == 0) {
            return;
        }
        long quarters = wallNanos * Math.round(SPEEDS[speedIndex] * 4) + quarterNanosCarry;
        quarterNanosCarry = quarters % 4;
        network.runFor(quarters / 4);
    }

    // ------------------------------------------------------------------ controls

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public void togglePause() {
        paused = !paused;
    }

    public boolean paused() {
        return paused;
    }

    /** The playback speeds offered, slowest first (unmodifiable). */
    public static List<Double> speeds() {
        return SPEED_LIST;
    }

    /** Whether {@code speed} is one of {@link #speeds()}. */
    public static boolean isSpeed(double speed) {
        return Arrays.binarySearch(SPEEDS, speed) >= 0;
    }

    /** Sets the speed; it must be one of {@link #speeds()}. */
    public void setSpeed(double speed) {
        int index = Arrays.binarySearch(SPEEDS, speed);
        if (index < 0) {
            throw new IllegalArgumentException("speed " + speed + "x is not one of " + speedsText());
        }
        speedIndex = index;
    }

    /** The speeds as text, e.g. for help: "0.25x, 0.5x, 1x, 2x, 4x". */
    public static String speedsText() {
        StringBuilder text = new StringBuilder();
        for (double speed : SPEEDS) {
            text.append(text.length() == 0 ? "" : ", ").append(speedText(speed));
        }
        return text.toString();
    }

    /** "0.25x", "1x", "4x". */
    public static String speedText(double speed) {
        return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.format(Locale.ROOT, "%s", speed)) + "x";
    }

    public double speed() {
        return SPEEDS[speedIndex];
    }

    /** The speed's index in {@link #speeds()}. */
    public int speedIndex() {
        return speedIndex;
    }

    /** One speed up, staying at the fastest. */
    public void faster() {
        speedIndex = Math.min(SPEEDS.length - 1, speedIndex + 1);
    }

    /** One speed down, staying at the slowest. */
    public void slower() {
        speedIndex = Math.max(0, speedIndex - 1);
    }

    /**
     * Restarts the playback at {@code positionMicros} (clamped to the match), keeping speed and pause.
     * While paused, the new client is run just until it draws the new position (its first snapshot
     * and the interpolation delay, at most {@link #SETTLE_LIMIT_NANOS}), so a paused seek shows where
     * it went.
     */
    public void seekTo(long positionMicros) {
        long clamped = Math.max(0, Math.min(match.durationMicros(), positionMicros));
        // tickAt stays within the recorded ticks, so a snapshot at or after it always exists.
        startPair(match.indexAtOrAfter(match.tickAt(clamped)));
        if (paused) {
            network.runUntil(() -> client.phase() == ClientPhase.PLAYING
                    && client.ackedSnapshotTick() != ClientUpdate.NO_SNAPSHOT, SETTLE_LIMIT_NANOS);
            network.runFor(client.config().interpolationDelayMillis() * 1_000_000L + SETTLE_EXTRA_NANOS);
        }
    }

    /** Seeks {@code deltaMicros} from the current position (negative: back). */
    public void seekBy(long deltaMicros) {
        seekTo(positionMicros() + deltaMicros);
    }

    /** Follows player {@code playerId} (the camera and HUD name them). */
    public void follow(int playerId) {
        followedPlayerId = playerId;
    }

    /** Follows the next player in the game (by id, wrapping): the players the client knows the names of. */
    public void followNext() {
        ClientView view = client.view();
        for (int step = 1; step <= GameConstants.MAX_PLAYERS; step++) {
            int id = Math.floorMod(followedPlayerId + step, GameConstants.MAX_PLAYERS);
            if (view.playerName(id) != null) {
                followedPlayerId = id;
                return;
            }
        }
    }

    public int followedPlayerId() {
        return followedPlayerId;
    }

    /** Sees every snapshot the replay client decodes, this pair's and every later one's (null for none). */
    public void setSnapshotListener(Consumer<Snapshot> listener) {
        snapshotListener = listener;
        client.setSnapshotListener(listener);
    }

    /** Sees every reconciliation of the replay client's prediction (null for none). */
    public void setReconciliationListener(ReconciliationListener listener) {
        reconciliationListener = listener;
        client.setReconciliationListener(listener);
    }

    // ------------------------------------------------------------------ state

    /** The position played: microseconds of the match from its first snapshot. */
    public long positionMicros() {
        return match.microsOf(server.positionTick());
    }

    public long durationMicros() {
        return match.durationMicros();
    }

    /** Whether the last recorded snapshot has gone out. */
    public boolean ended() {
        return server.ended();
    }

    public LinkConditions conditions() {
        return conditions;
    }

    /** Whether the client predicts the recorded player (the capture holds its commands). */
    public boolean predicting() {
        return match.hasInput();
    }

    /** The current replay client (a new one after each seek). */
    public GameClient client() {
        return client;
    }

    /** The current playback server. */
    public PlaybackServer server() {
        return server;
    }

    /** The current pair's network (its virtual time starts at 0 with each seek). */
    public SimulatedNetwork network() {
        return network;
    }

    /** Server, client and network pairs made so far: 1 plus the seeks. */
    public int pairs() {
        return pairs;
    }
}
