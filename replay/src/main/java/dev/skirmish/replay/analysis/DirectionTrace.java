package dev.skirmish.replay.analysis;

import dev.skirmish.transport.DeliveryMode;
import dev.skirmish.transport.DropReason;
import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.FrameReader;
import dev.skirmish.transport.wire.FrameType;
import dev.skirmish.transport.wire.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one direction of one connection carried in a capture: datagram and byte counts, the DATA
 * packet numbers seen (restored to 64 bits, as the receiver would), message frames with their
 * repetitions (retransmissions), the messages they assemble into, and the send times of packets so
 * that acknowledgements travelling the other way give RTT samples.
 */
public final class DirectionTrace {
    private record MessageKey(int channel, long sequence) {
    }

    /** A message being put together from the frames seen so far. */
    private static final class Assembly {
        final long firstSeenMicros;
        final byte[] payload;
        final boolean[] fragmentsSeen;
        int missingFragments;

        Assembly(long firstSeenMicros, int length, int fragments) {
            this.firstSeenMicros = firstSeenMicros;
            this.payload = new byte[length];
            this.fragmentsSeen = new boolean[fragments];
            this.missingFragments = fragments;
        }
    }

    /** The largest message any configuration allows (TransportConfig's limit); longer ones are malformed. */
    static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;

    long datagrams;
    long bytes;
    long dataPackets;
    long messageFrames;
    long repeatedFrames;
    long lateReliableFrames;
    private final Map<Integer, Long> highestSequence = new HashMap<>();
    private long largestPacketNumber = -1;
    private long smallestPacketNumber = Long.MAX_VALUE;
    private final HashSet<Long> packetNumbers = new HashSet<>();
    private final Map<Long, Long> packetSeenMicros = new HashMap<>();
    private final Map<MessageKey, Assembly> assemblies = new LinkedHashMap<>();
    private final TreeMap<Integer, long[]> channelMessagesAndBytes = new TreeMap<>();
    final List<Long> rttSamplesMicros = new ArrayList<>();

    /** Counts a datagram of any type. */
    void countDatagram(int length) {
        datagrams++;
        bytes += length;
    }

    /**
     * Reads the frames of a checksummed DATA packet; message frames go into assemblies. The ACK frames
     * it carries acknowledge packets of {@code reverse} and give RTT samples there.
     *
     * @throws ProtocolException if a frame is malformed (frames before it count)
     */
    void readDataPacket(long micros, byte[] datagram, FrameReader frames, DirectionTrace reverse,
                        List<DeliveryMode> channelModes)
            throws ProtocolException {
        dataPackets++;
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        long packetNumber = DataPacketHeader.restorePacketNumber(
                DataPacketHeader.truncatedPacketNumber(buffer, 0), largestPacketNumber);
        largestPacketNumber = Math.max(largestPacketNumber, packetNumber);
        smallestPacketNumber = Math.min(smallestPacketNumber, packetNumber);
        packetNumbers.add(packetNumber);
        packetSeenMicros.putIfAbsent(packetNumber, micros);
        frames.reset(buffer, DataPacketHeader.LENGTH, datagram.length - 4);
        while (frames.next()) {
            switch (frames.type()) {
                case FrameType.ACK -> reverse.onAck(micros, frames.ack().largest(), frames.ack().ackDelayMicros());
                case FrameType.MESSAGE, FrameType.MESSAGE_NEXT -> {
                    noteOrder(frames, channelModes);
                    onWholeMessage(micros, frames, datagram);
                }
                case FrameType.FRAGMENT -> {
                    noteOrder(frames, channelModes);
                    onFragment(micros, frames, datagram);
                }
                default -> { }
            }
        }
    }

    /**
     * Counts a reliable message's first frame that arrives after a later message of its channel: at
     * the receiver, that is a retransmission filling a gap (or a reordered packet); at the sender it
     * does not happen, since each channel sends its messages in sequence order.
     */
    private void noteOrder(FrameReader frames, List<DeliveryMode> channelModes) {
        int channel = frames.channel();
        boolean reliable = channel < channelModes.size() && channelModes.get(channel).isReliable();
        Long highest = highestSequence.get(channel);
        boolean firstSight = !assemblies.containsKey(new MessageKey(channel, frames.sequence()))
                || frames.type() == FrameType.FRAGMENT;
        if (reliable && highest != null && frames.sequence() < highest && firstSight
                && !fragmentSeen(channel, frames)) {
            lateReliableFrames++;
        }
        if (highest == null || frames.sequence() > highest) {
            highestSequence.put(channel, frames.sequence());
        }
    }

    private boolean fragmentSeen(int channel, FrameReader frames) {
        if (frames.type() != FrameType.FRAGMENT) {
            return false;
        }
        Assembly assembly = assemblies.get(new MessageKey(channel, frames.sequence()));
        return assembly != null && frames.fragmentIndex() < assembly.fragmentsSeen.length
                && assembly.fragmentsSeen[frames.fragmentIndex()];
    }

    private void onAck(long micros, long largest, long ackDelayMicros) {
        Long sent = packetSeenMicros.remove(largest);
        if (sent != null) {
            long sample = micros - sent - ackDelayMicros;
            rttSamplesMicros.add(Math.max(0, sample));
        }
    }

    private void onWholeMessage(long micros, FrameReader frames, byte[] datagram) {
        messageFrames++;
        MessageKey key = new MessageKey(frames.channel(), frames.sequence());
        if (assemblies.containsKey(key)) {
            repeatedFrames++;
            return;
        }
        Assembly assembly = new Assembly(micros, frames.payloadLength(), 1);
        System.arraycopy(datagram, frames.payloadOffset(), assembly.payload, 0, frames.payloadLength());
        assembly.fragmentsSeen[0] = true;
        assembly.missingFragments = 0;
        assemblies.put(key, assembly);
        countChannel(frames.channel(), frames.payloadLength());
    }

    private void onFragment(long micros, FrameReader frames, byte[] datagram)
            throws ProtocolException {
        if (frames.messageLength() > MAX_MESSAGE_BYTES) {
            throw ProtocolException.of(DropReason.MESSAGE_TOO_LARGE);
        }
        messageFrames++;
        MessageKey key = new MessageKey(frames.channel(), frames.sequence());
        Assembly assembly = assemblies.get(key);
        if (assembly == null) {
            long length = frames.messageLength();
            int count = (int) ((length + frames.fragmentSize() - 1) / frames.fragmentSize());
            assembly = new Assembly(micros, (int) length, count);
            assemblies.put(key, assembly);
            countChannel(frames.channel(), length);
        }
        int index = frames.fragmentIndex();
        if (index >= assembly.fragmentsSeen.length || assembly.fragmentsSeen[index]) {
            repeatedFrames++;
            return;
        }
        assembly.fragmentsSeen[index] = true;
        assembly.missingFragments--;
        int at = (int) ((long) index * frames.fragmentSize());
        int length = Math.min(frames.payloadLength(), assembly.payload.length - at);
        System.arraycopy(datagram, frames.payloadOffset(), assembly.payload, at, length);
    }

    private void countChannel(int channel, long payloadBytes) {
        long[] counts = channelMessagesAndBytes.computeIfAbsent(channel, c -> new long[2]);
        counts[0]++;
        counts[1] += payloadBytes;
    }

    /** Whole messages in first-seen order, times relative to {@code originMicros}; incomplete ones are left out. */
    List<RecoveredMessage> messages(int connection, Direction direction, long originMicros) {
        List<RecoveredMessage> messages = new ArrayList<>();
        for (Map.Entry<MessageKey, Assembly> entry : assemblies.entrySet()) {
            Assembly assembly = entry.getValue();
            if (assembly.missingFragments == 0) {
                messages.add(new RecoveredMessage(connection, direction, entry.getKey().channel, entry.getKey().sequence,
                        assembly.firstSeenMicros - originMicros, assembly.payload));
            }
        }
        return messages;
    }

    /** Messages of which some fragment never appeared in the capture. */
    public long incompleteMessages() {
        return assemblies.values().stream().filter(a -> a.missingFragments > 0).count();
    }

    public long datagrams() {
        return datagrams;
    }

    public long bytes() {
        return bytes;
    }

    public long dataPackets() {
        return dataPackets;
    }

    /** Message frames (whole messages and fragments) seen again after their first appearance. */
    public long repeatedFrames() {
        return repeatedFrames;
    }

    /**
     * First sightings of reliable message frames after a later message of the same channel: gaps being
     * filled, i.e. retransmissions as the receiver sees them (or reordering on the path).
     */
    public long lateReliableFrames() {
        return lateReliableFrames;
    }

    public long messageFrames() {
        return messageFrames;
    }

    /**
     * DATA packet numbers between the smallest and largest seen that never appeared: lost before the
     * capture point (when capturing at the receiver), or never captured.
     */
    public long missingPacketNumbers() {
        if (packetNumbers.isEmpty()) {
            return 0;
        }
        return largestPacketNumber - smallestPacketNumber + 1 - packetNumbers.size();
    }

    /** Packet numbers the missing ones are counted against. */
    public long packetNumberSpan() {
        return packetNumbers.isEmpty() ? 0 : largestPacketNumber - smallestPacketNumber + 1;
    }

    /** Channel -> {messages, payload bytes}, channels ascending. */
    public Map<Integer, long[]> channels() {
        return channelMessagesAndBytes;
    }

    /** RTT samples (µs) from acknowledgements of this direction's packets, ack delay removed. */
    public long[] rttSamplesMicros() {
        long[] samples = rttSamplesMicros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(samples);
        return samples;
    }
}
