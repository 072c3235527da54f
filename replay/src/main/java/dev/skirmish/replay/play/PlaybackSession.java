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
 * shown client's newest frame, the snapshot arrivals and the bar's state; nothing else crosses threads.
 *
 * <p>After a seek the previous client's last frame stays on screen until the new client has joined and
 * drawn something, so the window never flashes "connecting". The wall clock makes a session's timing
 * differ from run to run; the {@link Playback} inside is deterministic for a given sequence of calls.
 */
public final class PlaybackSession implements PlaybackFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackSession.class);
    static final long STEP_MILLIS = 1;
    static final long MAX_STEP_MILLIS = 100;
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final Playback playback;
    private final String impairments;
    private final String[] speedTexts = new String[Playback.SPEEDS.length];
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

    private PlaybackSession(Playback playback) {
        this.playback = playback;
        this.impairments = describe(playback.conditions());
        for (int i = 0; i < speedTexts.length; i++) {
            speedTexts[i] = Playback.speedText(Playback.SPEEDS[i]);
        }
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
        try {
            while (running) {
                Consumer<Playback> control;
                while ((control = controls.poll()) != null) {
                    control.accept(playback);
                }
                long now = System.nanoTime();
                playback.advance(Math.min(now - last, TimeUnit.MILLISECONDS.toNanos(MAX_STEP_MILLIS)));
                last = now;
                noteArrivalsAndShow();
                publishState();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(STEP_MILLIS));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("playback stopped", e);
        }
    }

    /** Shows the current client once it draws something; queues the arrival of each new snapshot. */
    private void noteArrivalsAndShow() {
        GameClient client = playback.client();
        if (client != shown && client.phase() == ClientPhase.PLAYING && client.view().map() != null
                && (client.view().localKnown() || client.view().otherCount() > 0)) {
            shown = client;
            lastArrivalTick = ClientUpdate.NO_SNAPSHOT;
        }
        int acked = client.ackedSnapshotTick();
        if (client == shown && acked != lastArrivalTick) {
            lastArrivalTick = acked;
            arrivals.offer(nowNanos());
        }
    }

    private void publishState() {
        positionMicros = playback.positionMicros();
        paused = playback.paused();
        ended = playback.ended();
        followedPlayerId = playback.followedPlayerId();
        for (int i = 0; i < Playback.SPEEDS.length; i++) {
            if (Playback.SPEEDS[i] == playback.speed()) {
                speedIndex = i;
            }
        }
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
        controls.add(p -> p.seekBy(deltaMicros));
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
        appendClock(line, playback.durationMicros());
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
        if (!playback.predicting()) {
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

    // ------------------------------------------------------------------ lifecycle

    /** What stopped the playback thread, or null while it runs (or after a clean close). */
    public Throwable failure() {
        return failure;
    }

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
