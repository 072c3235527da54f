package dev.skirmish.replay.analysis;

/**
 * One application message recovered from a capture: on which connection and way it went, its channel
 * and transport sequence number, when the capture first saw any part of it (microseconds from the
 * start of the capture), and its bytes.
 */
public record RecoveredMessage(int connection, Direction direction, int channel, long sequence,
                               long firstSeenMicros, byte[] payload) {
}
