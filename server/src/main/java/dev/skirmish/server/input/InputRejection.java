package dev.skirmish.server.input;

/**
 * Why the server refused or corrected something a client sent; each is counted in the server's
 * statistics. Ordinary effects of an unreliable network (redundant copies of a command, commands lost
 * in a gap) are not rejections and are counted apart, in {@link CommandQueue}.
 */
public enum InputRejection {
    /** A client update that does not decode (the codec's {@code WireFormatException}); dropped. */
    MALFORMED_UPDATE,
    /** A reliable-channel message that does not decode; dropped. */
    MALFORMED_MESSAGE,
    /** A message a client may not send (a server-only type, a second join); dropped. */
    UNEXPECTED_MESSAGE,
    /** A message on a channel clients do not send on; dropped. */
    WRONG_CHANNEL,
    /** Inputs from a connection that has not joined yet; dropped. */
    NOT_JOINED,
    /** A join built from other game rules; the connection is closed. */
    PROTOCOL_MISMATCH,
    /** A command numbered implausibly far ahead of the last one applied; dropped. */
    COMMAND_NUMBER_JUMP,
    /** The oldest waiting command, dropped because the backlog was full (a fast client clock, a burst). */
    BACKLOG_OVERFLOW,
    /** A shot whose view tick lies in the future; rewound to the present instead. */
    VIEW_TICK_IN_FUTURE,
    /** A shot whose view tick lies beyond the rewind limit; rewound only as far as the limit. */
    VIEW_TICK_TOO_OLD,
    /** An acknowledgement of a snapshot tick the server never sent this client; ignored. */
    INVALID_ACK,
    /** A chat line beyond the rate limit (every line is relayed to every client); dropped. */
    CHAT_RATE_LIMITED
}
