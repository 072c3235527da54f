package dev.skirmish.client;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands {@link ClientView} frames from the network thread to one reader thread (the render thread)
 * without locks, allocation or tearing: a triple buffer.
 *
 * <p>Three views rotate between three roles: the writer's back buffer, the shared middle, and the
 * reader's front. {@link #publish} copies the writer's state into the back buffer and swaps it with
 * the middle; {@link #latest} swaps the middle with the front if something new was published, and
 * returns the front. The reader owns what {@code latest} returned until its next call: nobody writes
 * it meanwhile. Frames the reader was too slow to take are skipped, never queued, so a slow renderer
 * always draws the newest state and memory stays fixed.
 *
 * <p>Exactly one thread may publish and exactly one (possibly different) thread may read.
 */
public final class FrameExchange {

    private static final int INDEX_MASK = 0b11;
    private static final int FRESH = 0b100;

    private final ClientView[] views = {new ClientView(), new ClientView(), new ClientView()};
    /** Index of the middle buffer, plus {@link #FRESH} when it holds a frame the reader has not taken. */
    private final AtomicInteger middle = new AtomicInteger(1);
    private int back;
    private int front = 2;

    /** Publishes a copy of {@code source}; writer thread only. */
    public void publish(ClientView source) {
        views[back].copyFrom(source);
        back = middle.getAndSet(back | FRESH) & INDEX_MASK;
    }

    /** The newest published frame (an empty view before the first); reader thread only. */
    public ClientView latest() {
        if ((middle.get() & FRESH) != 0) {
            front = middle.getAndSet(front) & INDEX_MASK;
        }
        return views[front];
    }
}
