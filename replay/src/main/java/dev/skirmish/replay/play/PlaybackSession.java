package dev.skirmish.replay.play;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientView;
import dev.skirmish.client.GameClient;
import dev.skirmish.client.window.PlaybackFeed;
import dev.skirmish.client.window.SnapshotArrivals;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.transport.sim.LinkConditions;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Playback} run against the wall clock on a thread of its own, as a {@link PlaybackFeed} for
 * the window: about every {@value #STEP_MILLIS} ms the thread applies the controls that arrived, in
 * order, then advances the playback by the wall time that passed (at most {@value #MAX_STEP_MILLIS} ms at
 * once, so a stalled machine slows the playback instead of jumping it). The render thread reads the
 * shown client's newest frame, the snapshot arrivals, the bar's state and the failure, if the playback
 * threw (the thread stops there and the window ends with it); nothing else crosses threads. Consecutive
 * seeks queued between two steps are added up into one.
 *
 * <p>After a seek the previous client's last frame stays on screen until the new client has joined and
 * drawn something, so the window never flashes "connecting"; or until its session is over, so that a
 * failed join is reported rather than hidden behind the old frame. The wall clock makes a session's timing
 * differ from run to run; the {@link Playback} inside is deterministic for a given sequence of calls.
 */
public final class PlaybackSession implements PlaybackFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackSession.class);
    static final long STEP_MILLIS = 1;
    static final long MAX_STEP_MILLIS = 100;
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    /** A seek control, told apart from the others so that consecutive ones add up. */
    private record Seek(long deltaMicros) implements Consumer<Playback> {
        @Override
        public void accept(Playback playback) {
            playback.seekBy(deltaMicros);
        }
    }

    private final Playback playback;
    private final String impairments;
    private final long durationMicros;
    private final boolean predicting;
    private final String[] speedTexts;
    private final ConcurrentLinkedQueue<Consumer<Playback>> controls = new ConcurrentLinkedQueue<>();
    private final SnapshotArrivals arrivals = new SnapshotArrivals();
    private final long originNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile GameClient shown;
    private volatile long positionMicros;
    private volatile int speedIndex;
    private volatile boolean paused;
    private volatile boolean ended;
    private volatile int followedPlayerId;
    private volatile Throwable failure;
    private int lastArrivalTick = ClientUpdate.NO_SNAPSHOT;

    /** A session over {@code playback} whose thread is not started: {@link #start} starts one; tests step it by hand. */
    PlaybackSession(Playback playback) {
        this.playback = playback;
        this.impairments = describe(playback.conditions());
        this.durationMicros = playback.durationMicros();
        this.predicting = playback.predicting();
        this.speedTexts = Playback.speeds().stream().map(Playback::speedText).toArray(String[]::new);
        this.shown = playback.client();
        publishState();
        this.thread = new Thread(this::run, "skirmish-playback");
        thread.setDaemon(true);
    }

    /** Starts playing {@code playback} (from where it is) on a new thread. */
    public static PlaybackSession start(Playback playback) {
        PlaybackSession session = new PlaybackSession(playback);
        session.thread.start();
        return session;
    }

    private void run() {
        long last = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            if (!step(Math.min(now - last, TimeUnit.MILLISECONDS.toNanos(MAX_STEP_MILLIS)))) {
                return;
            }
            last = now;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(STEP_MILLIS));
        }
    }

    /**
     * One step of the playback thread: the controls that arrived, then {@code wallNanos} of playback,
     * then the state published. Returns false, with {@link #failure()} set, if the playback threw.
     */
    boolean step(long wallNanos) {
        try {
            applyControls();
            playback.advance(wallNanos);
            noteArrivalsAndShow();
            publishState();
            return true;
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("playback stopped", e);
            return false;
        }
    }

    /**
     * Applies the queued controls in order, with each run of consecutive seeks added up into one: a
     * held arrow key queues a seek per key repeat, and each seek builds a fresh server, client and network.
     */
    private void applyControls() {
        long seekMicros = 0;
        boolean seeking = false;
        Consumer<Playback> control;
        while ((control = controls.poll()) != null) {
            if (control instanceof Seek seek) {
                seekMicros += seek.deltaMicros();
                seeking = true;
                continue;
            }
            if (seeking) {
                seek(seekMicros);
                seekMicros = 0;
                seeking = false;
            }
            control.accept(playback);
        }
        if (seeking) {
            seek(seekMicros);
        }
    }

    /** Seeks by the sum of a run of seeks; a run that adds up to nothing leaves the playback as it is. */
    private void seek(long deltaMicros) {
        if (deltaMicros != 0) {
            playback.seekBy(deltaMicros);
        }
    }

    /** Queues {@code control} for the playback thread. */
    void control(Consumer<Playback> control) {
        controls.add(control);
    }

    /** Shows the current client once it draws something or its session is over; queues snapshot arrivals. */
    private void noteArrivalsAndShow() {
        GameClient client = playback.client();
        if (client != shown && showable(client)) {
            shown = client;
            lastArrivalTick = ClientUpdate.NO_SNAPSHOT;
        }
        int acked = client.ackedSnapshotTick();
        if (client == shown && acked != lastArrivalTick) {
            lastArrivalTick = acked;
            arrivals.offer(nowNanos());
        }
    }

    /**
     * Whether a new client (after a seek) is worth showing instead of the previous one's last frame:
     * once it draws something, or once its session is over (a join that failed under heavy loss), so
     * the window reports that instead of showing the old frame forever.
     */
    static boolean showable(GameClient client) {
        ClientPhase phase = client.phase();
        if (phase.isFinal()) {
            return true;
        }
        ClientView view = client.view();
        return phase == ClientPhase.PLAYING && view.map() != null && (view.localKnown() || view.otherCount() > 0);
    }

    private void publishState() {
        positionMicros = playback.positionMicros();
        paused = playback.paused();
        ended = playback.ended();
        followedPlayerId = playback.followedPlayerId();
        speedIndex = playback.speedIndex();
    }

    // ------------------------------------------------------------------ PlaybackFeed (render thread)

    @Override
    public ClientView latestView() {
        return shown.frames().latest();
    }

    @Override
    public void drainSnapshotArrivals(LongConsumer arrivalNanos) {
        arrivals.drainTo(arrivalNanos);
    }

    /** Wall-clock nanoseconds since the session was made. */
    @Override
    public long nowNanos() {
        return System.nanoTime() - originNanos;
    }

    @Override
    public void togglePause() {
        controls.add(Playback::togglePause);
    }

    @Override
    public void faster() {
        controls.add(Playback::faster);
    }

    @Override
    public void slower() {
        controls.add(Playback::slower);
    }

    @Override
    public void seekBy(long deltaMicros) {
        controls.add(new Seek(deltaMicros));
    }

    @Override
    public void followNext() {
        controls.add(Playback::followNext);
    }

    @Override
    public int followedPlayerId() {
        return followedPlayerId;
    }

    @Override
    public void describe(StringBuilder line, ClientView view) {
        line.append("REPLAY ").append(speedTexts[speedIndex]).append(' ');
        appendClock(line, positionMicros);
        line.append(" / ");
        appendClock(line, durationMicros);
        int followed = followedPlayerId;
        String name = followed >= 0 && followed < GameConstants.MAX_PLAYERS
                ? view.playerName(followed) : null;
        line.append(" following ");
        if (name != null) {
            line.append(name);
        } else {
            line.append('#').append(followed);
        }
        if (ended) {
            line.append(" [end]");
        } else if (paused) {
            line.append(" [paused]");
        }
        line.append("   ").append(impairments);
        if (!predicting) {
            line.append("   spectating (no input recorded)");
        }
    }

    /** Appends {@code micros} as mm:ss (minutes grow past 99 if they must). */
    public static void appendClock(StringBuilder line, long micros) {
        long seconds = Math.max(0, micros) / 1_000_000L;
        long minutes = seconds / 60;
        line.append(minutes < 10 ? "0" : "").append(minutes).append(':').append(seconds % 60 < 10 ? "0" : "")
                .append(seconds % 60);
    }

    /** The impairments as the bar shows them, e.g. "loss 20%  latency 50ms", or "no impairment". */
    static String describe(LinkConditions conditions) {
        StringJoiner parts = new StringJoiner("  ");
        if (conditions.lossRate() > 0) {
            parts.add("loss " + percent(conditions.lossRate()));
        }
        if (conditions.hasBurstLoss()) {
            parts.add("burst loss " + percent(conditions.burstGoodToBad()) + "," + percent(conditions.burstBadToGood()));
        }
        if (conditions.delayMicros() > 0) {
            parts.add("latency " + millis(conditions.delayMicros()));
        }
        if (conditions.jitterMicros() > 0) {
            parts.add("jitter " + millis(conditions.jitterMicros()));
        }
        if (conditions.reorderRate() > 0) {
            parts.add("reorder " + percent(conditions.reorderRate()));
        }
        if (conditions.duplicateRate() > 0) {
            parts.add("duplicate " + percent(conditions.duplicateRate()));
        }
        if (conditions.bytesPerSecond() > 0) {
            parts.add("bandwidth " + String.format(Locale.ROOT, "%.0f kbit/s", conditions.bytesPerSecond() * 8 / 1000.0));
        }
        return parts.length() == 0 ? "no impairment" : parts.toString();
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f", rate * 100).replaceAll("\\.?0+$", "") + "%";
    }

    private static String millis(long micros) {
        return micros % 1000 == 0 ? micros / 1000 + "ms" : micros + "us";
    }

    @Override
    public String failure() {
        Throwable stopped = failure;
        return stopped == null ? null : String.valueOf(stopped);
    }

    // ------------------------------------------------------------------ lifecycle

    /** The playback's position as last published, in microseconds of the match. */
    public long positionMicros() {
        return positionMicros;
    }

    /** Stops the thread (waiting a bounded time for it). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
