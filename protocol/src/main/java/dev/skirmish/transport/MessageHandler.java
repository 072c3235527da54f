package dev.skirmish.transport;

import java.nio.ByteBuffer;

/** Receives delivered messages from {@link Connection#receive(MessageHandler, int)}. */
@FunctionalInterface
public interface MessageHandler {

    /**
     * One message. {@code payload}'s remaining bytes are the message; the buffer is recycled when
     * this method returns, so copy what you keep.
     */
    void onMessage(Connection connection, int channel, ByteBuffer payload);
}
