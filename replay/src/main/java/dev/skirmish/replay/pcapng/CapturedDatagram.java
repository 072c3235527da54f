package dev.skirmish.replay.pcapng;

import java.net.InetSocketAddress;

/**
 * One UDP datagram read from a capture: when it was captured (microseconds since the Unix epoch),
 * where it came from and went to, its UDP payload, and the file offset of the block that held it.
 */
public record CapturedDatagram(long timestampMicros, InetSocketAddress source, InetSocketAddress destination,
                               byte[] payload, long fileOffset) {
}
