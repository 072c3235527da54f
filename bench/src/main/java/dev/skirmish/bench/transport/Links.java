package dev.skirmish.bench.transport;

import java.io.Closeable;
import java.io.IOException;

/** Shutting down the sockets and threads of a {@link LinkUnderTest}. */
final class Links {
    private static final long JOIN_MILLIS = 2_000;

    private Links() {
    }

    static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing at the end of a run: nothing more to do with the socket either way.
        }
    }

    static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
