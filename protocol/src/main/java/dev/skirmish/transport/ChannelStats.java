package dev.skirmish.transport;

/**
 * Counters of one channel of a {@link Connection}, as {@link Connection#channelStats(int)} returns them.
 *
 * @param channel                the channel id
 * @param frameBytesSent         bytes of this channel's message and fragment frames this side wrote into
 *                               packets, frame headers and retransmissions included (packet headers, ACKs
 *                               and checksums belong to no channel and are not counted)
 * @param retransmittedFragments fragments of this channel's messages this side sent again after loss or
 *                               a probe timeout
 * @param staleMessages          unreliable-sequenced messages of this channel this side dropped on receipt
 *                               as older than one already delivered
 */
public record ChannelStats(int channel, long frameBytesSent, long retransmittedFragments, long staleMessages) {
}
