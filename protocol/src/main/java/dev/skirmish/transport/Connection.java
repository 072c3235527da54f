package dev.skirmish.transport;

import dev.skirmish.transport.recovery.AckRanges;
import dev.skirmish.transport.recovery.CongestionController;
import dev.skirmish.transport.recovery.NewRenoCongestionController;
import dev.skirmish.transport.recovery.NoCongestionControl;
import dev.skirmish.transport.recovery.Pacer;
import dev.skirmish.transport.recovery.RttEstimator;
import dev.skirmish.transport.wire.AckFrame;
import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.FrameReader;
import dev.skirmish.transport.wire.FrameType;
import dev.skirmish.transport.wire.FrameWriter;
import dev.skirmish.transport.wire.HandshakePacket;
import dev.skirmish.transport.wire.PacketType;
import dev.skirmish.transport.wire.ProtocolException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One reliable-UDP connection: a state machine with no I/O of its own, owned and driven by an
 * {@link Endpoint}. The application talks to it from the endpoint's thread:
 * {@link #send} queues a message on a channel (false when that channel's send buffer is full),
 * {@link #receive} hands over delivered messages, {@link #close} flushes and closes, {@link #stats}
 * reports. Everything else happens when the endpoint feeds it datagrams and time.
 *
 * <h2>Life cycle</h2>
 * <pre>
 *  client:  HANDSHAKING --ACCEPT--> CONNECTED          (REJECT or connect timeout: CLOSED)
 *  server:  (created when a valid cookie returns) CONNECTED
 *  both:    CONNECTED --close()--> FLUSHING --all reliable data acknowledged--> CLOSING --3 PTO--> CLOSED
 *           CONNECTED --CLOSE frame from peer--> DRAINING --3 PTO--> CLOSED
 *           CONNECTED, FLUSHING --invalid packet from the peer--> CLOSING (reason PROTOCOL_VIOLATION)
 *           HANDSHAKING, CONNECTED, FLUSHING --idle timeout--> CLOSED
 * </pre>
 *
 * <h2>What goes into a packet</h2>
 * In this order, as long as it fits: ACK (whenever there is anything to acknowledge, so
 * acknowledgements ride on every packet); then, while closing, only CLOSE; otherwise PATH_RESPONSE,
 * PONG, MAX_DATA, retransmitted fragments, new messages (taking channels in turn so that no channel
 * starves another), and a PING only if nothing else in the packet elicits an acknowledgement (a
 * keepalive or a probe). Data obeys flow control, the congestion window and pacing;
 * acknowledgements and probes do not.
 *
 * <p>Not thread-safe: call it only from the thread that drives its endpoint.
 */
public final class Connection {

    /** Where a connection is in its life cycle (see the class documentation). */
    public enum State {
        HANDSHAKING, CONNECTED, FLUSHING, CLOSING, DRAINING, CLOSED;

        /** Whether the application may still queue messages. */
        public boolean acceptsMessages() {
            return this == HANDSHAKING || this == CONNECTED;
        }
    }

    private static final int MAX_DATAGRAMS_PER_POLL = 64;
    private static final int MAX_CLOSE_FRAMES = 8;
    /** CLOSE frames sent unprompted, one per probe timeout, before the closing period ends. */
    private static final int UNPROMPTED_CLOSE_FRAMES = 3;
    private static final long MAX_HANDSHAKE_RESEND_NANOS = 2_000_000_000L;
    /** Full datagrams the pacer lets out back to back after idleness. */
    private static final int PACER_BURST_DATAGRAMS = 10;

    private final Endpoint endpoint;
    private final TransportConfig config;
    private final boolean client;
    private final long localConnectionId;
    private long remoteConnectionId;
    private InetSocketAddress remoteAddress;
    private State state;
    private Object attachment;
    private int maxDatagramBytes;

    private final SendChannel[] sendChannels;
    private final ReceiveChannel[] receiveChannels;
    private final DeliveryQueue deliveries;
    private final LossDetection loss;
    private final RttEstimator rtt;
    private final TimerTable timers = new TimerTable();
    private final AckRanges received;
    private final FrameReader frames = new FrameReader();

    private long nextPacketNumber;
    private long largestReceived = -1;
    private long largestReceivedAtNanos;
    private int ackElicitingSinceAck;
    private boolean ackNow;
    private boolean peerConfirmed;

    private long peerMaxData;
    private long sentFlowBytes;
    private long maxDataAcked;
    /** The largest receive limit the peer has been sent (the handshake's window, then MAX_DATA frames). */
    private long maxDataAdvertised;
    private boolean maxDataPending;

    private boolean pingPending;
    /** Send a PING in the next packet even if it carries data: it yields an RTT sample with no ack delay. */
    private boolean rttProbePending;
    /** The value of the last PING sent, which a PONG must echo to count (-1: none outstanding). */
    private long outstandingPing = -1;
    private boolean pongPending;
    private long pongValue;
    private boolean pathResponsePending;
    private long pathResponseValue;
    private InetSocketAddress candidateAddress;
    private long pathChallengeValue;
    private boolean pathChallengePending;
    private int probesToSend;
    private int nextChannel;

    private DisconnectReason closeReason;
    private String closeText = "";
    private byte[] closeTextBytes;
    private boolean closeFramePending;
    private int closeFramesSent;

    private boolean handshakePending;
    private long handshakeResendNanos;
    private final byte[] cookie = new byte[HandshakePacket.MAX_COOKIE_LENGTH];
    private int cookieLength;
    private boolean acceptPending;

    private long lastActivityNanos;

    private final Object[] scratchMessages;
    private final int[] scratchFragments;
    private int scratchCount;
    private final OutgoingMessageRecycler recycler;

    private final ConnectionCounters counters = new ConnectionCounters();
    private final long[] headProgressSeen;
    private final long[] headProgressAtNanos;

    Connection(Endpoint endpoint, boolean client, long localConnectionId, InetSocketAddress remoteAddress,
               long nowNanos) {
        this.endpoint = endpoint;
        this.config = endpoint.config();
        this.client = client;
        this.localConnectionId = localConnectionId;
        this.remoteAddress = remoteAddress;
        this.maxDatagramBytes = config.maxDatagramBytes();
        this.recycler = endpoint.outgoingMessages();
        int channelCount = config.channels().size();
        this.deliveries = new DeliveryQueue(endpoint.bytePool(), config.receiveWindowBytes(),
                config.unreliableReceiveBufferBytes());
        this.sendChannels = new SendChannel[channelCount];
        this.receiveChannels = new ReceiveChannel[channelCount];
        for (int i = 0; i < channelCount; i++) {
            DeliveryMode mode = config.channels().get(i);
            sendChannels[i] = new SendChannel(i, mode, config.sendBufferBytes(), config.channelWindowMessages());
            receiveChannels[i] = new ReceiveChannel(i, mode, deliveries, config.channelWindowMessages(),
                    config.maxMessageBytes());
        }
        this.rtt = new RttEstimator(config.initialRttMicros());
        this.loss = new LossDetection(config, rtt, congestionController(config.maxDatagramBytes()),
                new Pacer(config.maxDatagramBytes(), PACER_BURST_DATAGRAMS), new PacketFate());
        this.received = new AckRanges(config.ackRangeCount());
        this.headProgressSeen = new long[channelCount];
        this.headProgressAtNanos = new long[channelCount];
        this.scratchMessages = new Object[config.maxDatagramBytes()];
        this.scratchFragments = new int[config.maxDatagramBytes()];
        this.lastActivityNanos = nowNanos;
        this.maxDataAdvertised = config.receiveWindowBytes();
        if (client) {
            state = State.HANDSHAKING;
            handshakePending = true;
            handshakeResendNanos = config.handshakeResendMillis() * 1_000_000;
            timers.set(ConnectionTimer.CONNECT_TIMEOUT, nowNanos + config.connectTimeoutMillis() * 1_000_000);
        } else {
            state = State.CONNECTED;
            acceptPending = true;
        }
        timers.set(ConnectionTimer.IDLE, nowNanos + config.idleTimeoutMillis() * 1_000_000);
    }

    // ------------------------------------------------------------------ application API

    /**
     * Queues a message on {@code channel}. Returns false, and queues nothing, when the channel's
     * send buffer has no room for it (backpressure: try again after some is acknowledged) or when
     * the connection is closing or closed.
     *
     * @throws IllegalArgumentException if the channel does not exist or the message is longer than
     *                                  {@link TransportConfig#maxMessageBytes()}
     */
    public boolean send(int channel, byte[] data, int offset, int length) {
        SendChannel target = admit(channel, length);
        if (target == null) {
            return false;
        }
        byte[] copy = endpoint.bytePool().acquire(length);
        System.arraycopy(data, offset, copy, 0, length);
        enqueue(target, copy, length);
        return true;
    }

    /** {@link #send(int, byte[], int, int)} for a whole array. */
    public boolean send(int channel, byte[] data) {
        return send(channel, data, 0, data.length);
    }

    /** {@link #send(int, byte[], int, int)} for a buffer's remaining bytes (its position is not moved). */
    public boolean send(int channel, ByteBuffer message) {
        int length = message.remaining();
        SendChannel target = admit(channel, length);
        if (target == null) {
            return false;
        }
        byte[] copy = endpoint.bytePool().acquire(length);
        message.get(message.position(), copy, 0, length);
        enqueue(target, copy, length);
        return true;
    }

    /** The channel to queue a message of {@code length} on, or null (counted) when it has no room or we are closing. */
    private SendChannel admit(int channel, int length) {
        SendChannel target = sendChannel(channel);
        if (length > config.maxMessageBytes()) {
            throw new IllegalArgumentException("message of " + length + " bytes exceeds maxMessageBytes "
                    + config.maxMessageBytes());
        }
        if (!state.acceptsMessages() || !target.hasRoomFor(length)) {
            counters.sendRefusals++;
            return null;
        }
        return target;
    }

    private SendChannel sendChannel(int channel) {
        if (channel < 0 || channel >= sendChannels.length) {
            throw new IllegalArgumentException("no channel " + channel + "; this connection has "
                    + sendChannels.length);
        }
        return sendChannels[channel];
    }

    private void enqueue(SendChannel channel, byte[] copy, int length) {
        OutgoingMessage message = recycler.obtain();
        message.reset(channel.id, channel.nextSequence++, channel.mode.isReliable(), copy, length,
                fragmentSizeFor(length));
        channel.unsent.addLast(message);
        channel.queuedBytes += length;
        counters.messagesSent++;
    }

    /** Hands up to {@code max} delivered messages to {@code handler}, oldest first; returns how many. */
    public int receive(MessageHandler handler, int max) {
        int count = deliveries.drain(this, handler, max);
        // Only a limit the peer has not been sent yet: one MAX_DATA per raise, not one per drain until
        // the peer's acknowledgement (which may wait its ack delay) comes back. A lost one is sent again.
        if (count > 0 && deliveries.advertisedLimit() > maxDataAdvertised) {
            maxDataPending = true;
        }
        return count;
    }

    /** Hands every delivered message to {@code handler}; returns how many. */
    public int receive(MessageHandler handler) {
        return receive(handler, Integer.MAX_VALUE);
    }

    /** Messages delivered and waiting for {@link #receive}. */
    public int pendingMessages() {
        return deliveries.readyCount();
    }

    /**
     * Closes gracefully: no new messages are accepted, queued reliable messages are delivered and
     * acknowledged (for at most the idle timeout), then the peer is told. A
     * {@link ConnectionEvent.Type#DISCONNECTED} event with {@link DisconnectReason#LOCAL_CLOSE}
     * follows when the connection is gone (during the handshake: {@link ConnectionEvent.Type#CONNECT_FAILED}
     * at once). Does nothing if already closing.
     */
    public void close(String reason) {
        if (state == State.HANDSHAKING) {
            terminate(DisconnectReason.LOCAL_CLOSE, reason, lastActivityNanos);
            return;
        }
        if (state != State.CONNECTED) {
            return;
        }
        closeReason = DisconnectReason.LOCAL_CLOSE;
        closeText = reason;
        state = State.FLUSHING;
        timers.set(ConnectionTimer.CLOSE, lastActivityNanos + config.idleTimeoutMillis() * 1_000_000);
        if (allReliableDataAcknowledged()) {
            startClosing(lastActivityNanos);
        }
    }

    /** Closes at once without flushing, telling the peer (used when the endpoint shuts down). */
    void abort(DisconnectReason reason, String text, long nowNanos) {
        if (state == State.CONNECTED || state == State.FLUSHING) {
            closeReason = reason;
            closeText = text;
            startClosing(nowNanos);
        } else if (state == State.HANDSHAKING) {
            terminate(reason, text, nowNanos);
        }
    }

    public State state() {
        return state;
    }

    public boolean isClient() {
        return client;
    }

    /** The address datagrams to the peer go to (changes when a migrated path is validated). */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The id the peer puts in packets to us. */
    public long localConnectionId() {
        return localConnectionId;
    }

    /** Bytes of messages queued on {@code channel} and not yet acknowledged (or, unreliable, not yet sent). */
    public long queuedBytes(int channel) {
        return sendChannel(channel).queuedBytes;
    }

    /** Bytes queued on all channels. */
    public long queuedBytes() {
        long total = 0;
        for (SendChannel channel : sendChannels) {
            total += channel.queuedBytes;
        }
        return total;
    }

    /** Bytes of ack-eliciting packets sent and not yet acknowledged or declared lost. */
    public long bytesInFlight() {
        return loss.bytesInFlight();
    }

    /** Application data carried with the connection (e.g. the player it belongs to). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /** Why the connection ended, or null while it is open. */
    public DisconnectReason closeReason() {
        return state == State.CLOSED || state == State.DRAINING || state == State.CLOSING ? closeReason : null;
    }

    /** A snapshot of this connection's statistics. */
    public ConnectionStats stats() {
        long queued = 0;
        int queuedMessages = 0;
        for (SendChannel channel : sendChannels) {
            queued += channel.queuedBytes;
            queuedMessages += channel.unsent.size() + channel.unacked.size();
        }
        int held = 0;
        for (ReceiveChannel channel : receiveChannels) {
            held += channel.heldMessages();
        }
        return new ConnectionStats(
                rtt.hasSamples() ? rtt.smoothedRttMicros() : 0,
                rtt.hasSamples() ? rtt.rttVarianceMicros() : 0,
                rtt.hasSamples() ? rtt.minRttMicros() : 0,
                counters.pingRttMicros,
                counters.packetsSent, counters.bytesSent, counters.packetsReceived, counters.bytesReceived,
                counters.retransmittedFragments, loss.packetsLost, loss.packetsAcked, loss.probeTimeouts,
                counters.duplicatePackets, deliveries.duplicateMessages, deliveries.staleMessages,
                deliveries.bufferFullDrops, counters.messagesSent, deliveries.messagesDelivered,
                queued, queuedMessages, loss.bytesInFlight(), loss.congestionWindowBytes(),
                deliveries.readyCount(), held, deliveries.reliableHeldBytes() + deliveries.unreliableHeldBytes(),
                counters.sendRefusals, counters.migrations, loss.congestionEvents);
    }

    /**
     * Counters of one channel ({@code 0 <= channel < config.channels().size()}): what {@link #stats()}
     * sums over channels, kept apart where a report needs them per channel.
     */
    public ChannelStats channelStats(int channel) {
        if (channel < 0 || channel >= sendChannels.length) {
            throw new IllegalArgumentException("channel " + channel + " out of range [0, " + sendChannels.length + ")");
        }
        return new ChannelStats(channel, sendChannels[channel].frameBytesSent,
                sendChannels[channel].retransmittedFragments, receiveChannels[channel].staleMessages);
    }

    // ------------------------------------------------------------------ driven by the endpoint

    /** A client connection's handshake reply (CHALLENGE, ACCEPT or REJECT), already decoded. */
    void onHandshake(long nowNanos, InetSocketAddress from, HandshakePacket packet) {
        lastActivityNanos = nowNanos;
        if (state != State.HANDSHAKING || !from.equals(remoteAddress)) {
            endpoint.countDrop(DropReason.UNEXPECTED_HANDSHAKE);
            return;
        }
        switch (packet.type) {
            case PacketType.CHALLENGE -> {
                System.arraycopy(packet.cookie, 0, cookie, 0, packet.cookieLength);
                cookieLength = packet.cookieLength;
                handshakePending = true;
                handshakeResendNanos = config.handshakeResendMillis() * 1_000_000;
            }
            case PacketType.ACCEPT -> {
                remoteConnectionId = packet.serverConnectionId;
                applyPeerParameters(packet);
                refragmentQueuedMessages();
                state = State.CONNECTED;
                peerConfirmed = true;
                rttProbePending = true;
                handshakePending = false;
                timers.cancel(ConnectionTimer.HANDSHAKE_RESEND);
                timers.cancel(ConnectionTimer.CONNECT_TIMEOUT);
                heardFromPeer(nowNanos);
                endpoint.onConnected(this);
            }
            case PacketType.REJECT -> terminate(DisconnectReason.fromWire(packet.rejectReasonCode),
                    packet.rejectText, nowNanos);
            default -> endpoint.countDrop(DropReason.UNEXPECTED_HANDSHAKE);
        }
    }

    /**
     * Messages queued before the handshake were cut for our own datagram size; the negotiated size may
     * be smaller. Nothing has been sent yet, so cut them again.
     */
    private void refragmentQueuedMessages() {
        for (SendChannel channel : sendChannels) {
            for (OutgoingMessage message : channel.unsent) {
                message.reset(message.channel, message.sequence, message.reliable, message.data, message.length,
                        fragmentSizeFor(message.length));
            }
        }
    }

    private int fragmentSizeFor(int length) {
        return length <= config.unfragmentedPayloadBytes(maxDatagramBytes)
                ? 0 : config.fragmentPayloadBytes(maxDatagramBytes);
    }

    /** The server side saw this client's cookie-bearing CONNECT again: its ACCEPT was lost. */
    void onRepeatedConnect(long nowNanos) {
        lastActivityNanos = nowNanos;
        if (!peerConfirmed) {
            acceptPending = true;
        }
    }

    void applyPeerParameters(HandshakePacket packet) {
        int negotiated = Math.min(config.maxDatagramBytes(), Math.max(HandshakePacket.MIN_CONNECT_LENGTH,
                packet.maxDatagramBytes));
        if (negotiated != maxDatagramBytes) {
            // Windows and bursts are counted in datagrams: size them for the datagrams we will really send.
            maxDatagramBytes = negotiated;
            loss.resize(congestionController(negotiated), new Pacer(negotiated, PACER_BURST_DATAGRAMS));
        }
        peerMaxData = packet.receiveWindowBytes;
        loss.setPeerMaxAckDelayMicros(packet.maxAckDelayMicros);
    }

    private CongestionController congestionController(int datagramBytes) {
        return config.congestionControl() == CongestionControl.NEW_RENO
                ? new NewRenoCongestionController(datagramBytes) : new NoCongestionControl();
    }

    /** The id we put in packets to the peer (the one it chose). */
    long remoteConnectionId() {
        return remoteConnectionId;
    }

    /** Server side: the id the client chose, which goes into every packet we send it. */
    void setRemoteConnectionId(long id) {
        this.remoteConnectionId = id;
    }

    /**
     * A DATA packet addressed to this connection, checksum already verified. Processes its frames;
     * on any violation stops, counts the reason and leaves the packet unacknowledged.
     */
    void onDataPacket(long nowNanos, InetSocketAddress from, ByteBuffer datagram, int start, int end) {
        lastActivityNanos = nowNanos;
        if (state == State.HANDSHAKING || state == State.CLOSED) {
            endpoint.countDrop(state == State.CLOSED ? DropReason.CONNECTION_CLOSED : DropReason.UNEXPECTED_HANDSHAKE);
            return;
        }
        if (state == State.DRAINING) {
            endpoint.countDrop(DropReason.CONNECTION_CLOSED);
            return;
        }
        if (!from.equals(remoteAddress)) {
            if (state == State.CLOSING) {
                endpoint.countDrop(DropReason.CONNECTION_CLOSED);
            } else {
                onPacketFromOtherAddress(nowNanos, from, datagram, start, end);
            }
            return;
        }
        long packetNumber = DataPacketHeader.restorePacketNumber(
                DataPacketHeader.truncatedPacketNumber(datagram, start), largestReceived);
        if (packetNumber < received.floor()) {
            counters.duplicatePackets++;
            endpoint.countDrop(DropReason.TOO_OLD_PACKET);
            return;
        }
        if (received.contains(packetNumber)) {
            counters.duplicatePackets++;
            endpoint.countDrop(DropReason.DUPLICATE_PACKET);
            return;
        }
        if (state == State.CLOSING) {
            closeFramePending = closeFramesSent < MAX_CLOSE_FRAMES;
            return;
        }
        counters.packetsReceived++;
        counters.bytesReceived += end - start;
        boolean ackEliciting;
        try {
            ackEliciting = processFrames(nowNanos, datagram, start + DataPacketHeader.LENGTH,
                    end - DatagramChecksum.LENGTH);
        } catch (ProtocolException e) {
            // The packet passed its checksum and came from the validated peer, yet breaks the
            // protocol: the peer is broken (or forging), and no later packet can repair that.
            endpoint.countDrop(e.reason());
            abort(DisconnectReason.PROTOCOL_VIOLATION, "invalid packet received: " + e.reason(), nowNanos);
            return;
        }
        if (state == State.DRAINING || state == State.CLOSED) {
            return;
        }
        recordReceived(nowNanos, packetNumber, ackEliciting);
        heardFromPeer(nowNanos);
        if (stalledChannel(nowNanos) >= 0) {
            return;
        }
        if (!peerConfirmed) {
            peerConfirmed = true;
            rttProbePending = true;
        }
        acceptPending = false;
    }

    /**
     * Closes the connection if a reliable channel's head has made no progress for the idle timeout while
     * later messages wait behind it. A correct peer repairs a gap within a few probe timeouts; one that
     * stays open that long means the sender believes the message delivered (possible only if a forged
     * packet took the genuine one's packet number), so the channel could never move again. Returns the
     * stalled channel, or -1.
     */
    private int stalledChannel(long nowNanos) {
        long limitNanos = config.idleTimeoutMillis() * 1_000_000;
        for (int i = 0; i < receiveChannels.length; i++) {
            ReceiveChannel channel = receiveChannels[i];
            long progress = channel.headProgress();
            if (progress != headProgressSeen[i] || !channel.isWaiting()) {
                headProgressSeen[i] = progress;
                headProgressAtNanos[i] = nowNanos;
            } else if (nowNanos - headProgressAtNanos[i] > limitNanos) {
                abort(DisconnectReason.PROTOCOL_VIOLATION, "reliable channel " + i + " stalled for "
                        + config.idleTimeoutMillis() + " ms: its next message never arrived", nowNanos);
                return i;
            }
        }
        return -1;
    }

    private void heardFromPeer(long nowNanos) {
        timers.set(ConnectionTimer.IDLE, nowNanos + config.idleTimeoutMillis() * 1_000_000);
    }

    private void recordReceived(long nowNanos, long packetNumber, boolean ackEliciting) {
        boolean inOrder = packetNumber == largestReceived + 1;
        // Not recorded (TOO_OLD) when an ACK inside this very packet raised the floor past it; then
        // there is nothing of it to acknowledge, and promising an acknowledgement would never end.
        boolean recorded = received.add(packetNumber) == AckRanges.ADDED;
        if (packetNumber > largestReceived) {
            largestReceived = packetNumber;
            largestReceivedAtNanos = nowNanos;
        }
        if (!ackEliciting || !recorded) {
            return;
        }
        ackElicitingSinceAck++;
        // RFC 9000 §13.2: acknowledge at once when packets arrive out of order (the sender needs
        // to learn of the gap quickly) or after the threshold of ack-eliciting packets; otherwise
        // wait a little in the hope of riding on a data packet.
        if (!inOrder || ackElicitingSinceAck >= config.ackElicitingThreshold()) {
            ackNow = true;
            timers.cancel(ConnectionTimer.ACK_DELAY);
        } else if (!timers.isSet(ConnectionTimer.ACK_DELAY)) {
            timers.set(ConnectionTimer.ACK_DELAY, nowNanos + config.maxAckDelayMicros() * 1000);
        }
    }

    /** Returns whether any frame was ack-eliciting. */
    private boolean processFrames(long nowNanos, ByteBuffer datagram, int start, int end) throws ProtocolException {
        frames.reset(datagram, start, end);
        boolean ackEliciting = false;
        while (frames.next()) {
            int type = frames.type();
            ackEliciting |= FrameType.isAckEliciting(type);
            switch (type) {
                case FrameType.PADDING -> { }
                case FrameType.ACK -> {
                    DropReason invalid = loss.onAck(frames.ack(), nextPacketNumber, nowNanos);
                    if (invalid != null) {
                        throw ProtocolException.of(invalid);
                    }
                    syncLossTimer();
                }
                case FrameType.PING -> {
                    pongPending = true;
                    pongValue = frames.value();
                }
                case FrameType.PONG -> onPong(nowNanos, frames.value());
                case FrameType.MAX_DATA -> peerMaxData = Math.max(peerMaxData, frames.value());
                case FrameType.PATH_CHALLENGE -> {
                    pathResponsePending = true;
                    pathResponseValue = frames.value();
                }
                case FrameType.PATH_RESPONSE -> { }
                case FrameType.CLOSE -> {
                    onPeerClose(nowNanos, frames.closeReasonCode(), frames.closeText());
                    return false;
                }
                case FrameType.MESSAGE, FrameType.MESSAGE_NEXT, FrameType.FRAGMENT -> onMessageFrame(type);
                default -> throw ProtocolException.of(DropReason.MALFORMED_FRAME);
            }
        }
        return ackEliciting;
    }

    /**
     * A PONG echoing our outstanding PING is an RTT sample with no acknowledgement delay in it: the
     * peer answers a PING at once. Acknowledgements in a game wait for the peer's next tick, so without
     * such samples the minimum RTT, and with it the smoothed RTT, would include the phase offset
     * between the two tick clocks. Anything else (late, duplicated or forged) is ignored.
     */
    private void onPong(long nowNanos, long echoed) {
        if (echoed != outstandingPing) {
            return;
        }
        outstandingPing = -1;
        long rttMicros = Math.max(1, nowNanos / 1000 - echoed);
        counters.pingRttMicros = rttMicros;
        rtt.onSample(rttMicros, 0);
    }

    private void onMessageFrame(int type) throws ProtocolException {
        int channel = frames.channel();
        if (channel >= receiveChannels.length) {
            throw ProtocolException.of(DropReason.UNKNOWN_CHANNEL);
        }
        ReceiveChannel target = receiveChannels[channel];
        DropReason violation = type == FrameType.FRAGMENT
                ? target.onFragment(frames.sequence(), frames.messageLength(), frames.fragmentSize(),
                        frames.fragmentIndex(), frames.buffer(), frames.payloadOffset(), frames.payloadLength())
                : target.onMessage(frames.sequence(), frames.buffer(), frames.payloadOffset(), frames.payloadLength());
        if (violation != null) {
            throw ProtocolException.of(violation);
        }
    }

    /**
     * A packet for this connection from an address other than the validated one: the client moved
     * (NAT rebinding, new port) or someone spoofs its id. Nothing in it is processed except a
     * PATH_RESPONSE answering our challenge to that very address; the first such packet starts the
     * challenge. Only after the answer does the connection move, so a spoofer that cannot receive
     * at the address it claims cannot hijack it.
     */
    private void onPacketFromOtherAddress(long nowNanos, InetSocketAddress from, ByteBuffer datagram, int start,
                                          int end) {
        if (client) {
            endpoint.countDrop(DropReason.UNVALIDATED_PATH);
            return;
        }
        if (from.equals(candidateAddress) && containsPathResponse(datagram, start, end)) {
            remoteAddress = candidateAddress;
            candidateAddress = null;
            pathChallengePending = false;
            timers.cancel(ConnectionTimer.PATH_VALIDATION);
            counters.migrations++;
            // The old path's packets are not coming back; resend their data on the new one.
            loss.abandonAll();
            syncLossTimer();
            heardFromPeer(nowNanos);
            return;
        }
        endpoint.countDrop(DropReason.UNVALIDATED_PATH);
        if (!from.equals(candidateAddress)) {
            candidateAddress = from;
            pathChallengeValue = endpoint.random().nextLong();
            pathChallengePending = true;
            timers.set(ConnectionTimer.PATH_VALIDATION, nowNanos + config.pathChallengeTimeoutMillis() * 1_000_000);
        }
    }

    private boolean containsPathResponse(ByteBuffer datagram, int start, int end) {
        try {
            frames.reset(datagram, start + DataPacketHeader.LENGTH, end - DatagramChecksum.LENGTH);
            while (frames.next()) {
                if (frames.type() == FrameType.PATH_RESPONSE && frames.value() == pathChallengeValue) {
                    return true;
                }
            }
        } catch (ProtocolException e) {
            return false;
        }
        return false;
    }

    private void onPeerClose(long nowNanos, int reasonCode, String text) {
        DisconnectReason peerReason = DisconnectReason.fromWire(reasonCode);
        closeReason = peerReason == DisconnectReason.LOCAL_CLOSE || peerReason == DisconnectReason.UNKNOWN
                ? DisconnectReason.PEER_CLOSED : peerReason;
        closeText = text;
        state = State.DRAINING;
        timers.cancelAll();
        timers.set(ConnectionTimer.CLOSE, nowNanos + 3 * loss.probeTimeoutMicros(0) * 1000);
        endpoint.onDisconnected(this, closeReason, text);
    }

    /** Runs every due timer. */
    void handleTimeout(long nowNanos) {
        lastActivityNanos = nowNanos;
        if (timers.expire(ConnectionTimer.IDLE, nowNanos) && state != State.CLOSED) {
            terminate(state == State.HANDSHAKING ? DisconnectReason.CONNECT_TIMEOUT : DisconnectReason.IDLE_TIMEOUT,
                    "nothing heard from the peer for " + config.idleTimeoutMillis() + " ms", nowNanos);
            return;
        }
        if (timers.expire(ConnectionTimer.CONNECT_TIMEOUT, nowNanos)) {
            terminate(DisconnectReason.CONNECT_TIMEOUT, "no answer from " + remoteAddress + " within "
                    + config.connectTimeoutMillis() + " ms", nowNanos);
            return;
        }
        if (timers.expire(ConnectionTimer.CLOSE, nowNanos)) {
            onCloseTimer(nowNanos);
            if (state == State.CLOSED) {
                return;
            }
        }
        if (timers.expire(ConnectionTimer.CLOSE_RESEND, nowNanos)) {
            closeFramePending = true;
        }
        if (timers.expire(ConnectionTimer.HANDSHAKE_RESEND, nowNanos)) {
            handshakePending = true;
        }
        if (timers.expire(ConnectionTimer.ACK_DELAY, nowNanos)) {
            ackNow = true;
        }
        if (timers.expire(ConnectionTimer.KEEPALIVE, nowNanos)) {
            pingPending = true;
        }
        if (timers.expire(ConnectionTimer.PATH_VALIDATION, nowNanos)) {
            candidateAddress = null;
            pathChallengePending = false;
        }
        timers.expire(ConnectionTimer.PACING, nowNanos);
        if (timers.expire(ConnectionTimer.LOSS_DETECTION, nowNanos)) {
            int probes = loss.onTimeout(nowNanos);
            if (probes > 0) {
                queueProbe(probes);
            }
            syncLossTimer();
        }
    }

    private void onCloseTimer(long nowNanos) {
        switch (state) {
            case FLUSHING -> startClosing(nowNanos);
            case CLOSING, DRAINING -> terminate(closeReason, closeText, nowNanos);
            default -> { }
        }
    }

    /** Probe timeout: resend the oldest packet's unacknowledged data, or a PING if it had none. */
    private void queueProbe(int probes) {
        probesToSend = probes;
        SentPacket oldest = loss.oldestInFlight();
        boolean queuedData = false;
        if (oldest != null) {
            for (int i = 0; i < oldest.messageCount; i++) {
                queuedData |= queueRetransmission(oldest.messages[i], oldest.generations[i], oldest.fragments[i]);
            }
        }
        if (!queuedData) {
            pingPending = true;
        }
    }

    /**
     * Enters CLOSING. The closing period (three probe timeouts) is timed from the first CLOSE actually
     * sent, not from now: {@link #close} may be called long after the driver last passed the time in.
     */
    private void startClosing(long nowNanos) {
        state = State.CLOSING;
        closeTextBytes = FrameWriter.closeTextBytes(closeText == null ? "" : closeText);
        closeFramePending = true;
        timers.cancelAll();
    }

    /** After each CLOSE sent: the first starts the closing period; the first few are repeated unprompted. */
    private void onCloseFrameSent(long nowNanos) {
        long probeNanos = loss.probeTimeoutMicros(0) * 1000;
        if (closeFramesSent == 1) {
            timers.set(ConnectionTimer.CLOSE, nowNanos + UNPROMPTED_CLOSE_FRAMES * probeNanos);
        }
        if (closeFramesSent < UNPROMPTED_CLOSE_FRAMES) {
            timers.set(ConnectionTimer.CLOSE_RESEND, nowNanos + probeNanos);
        }
    }

    /** Ends the connection for good and tells the endpoint (which reports it and forgets us). */
    private void terminate(DisconnectReason reason, String text, long nowNanos) {
        State previous = state;
        closeReason = reason;
        closeText = text;
        state = State.CLOSED;
        timers.cancelAll();
        releaseSendBuffers();
        if (previous == State.HANDSHAKING) {
            endpoint.onConnectFailed(this, reason, text);
        } else if (previous != State.DRAINING) {
            endpoint.onDisconnected(this, reason, text);
        }
        endpoint.onClosed(this);
    }

    private void releaseSendBuffers() {
        for (SendChannel channel : sendChannels) {
            channel.unsent.forEach(recycler::recycle);
            channel.unacked.forEach(recycler::recycle);
            channel.unsent.clear();
            channel.unacked.clear();
            channel.retransmissions.clear();
            channel.queuedBytes = 0;
        }
    }

    /** The earliest instant this connection needs to run: a timer, or now if it has something to send. */
    long nextTimeoutNanos() {
        if (state == State.CLOSED) {
            return NetworkNode.NO_DEADLINE;
        }
        if (hasSomethingToSendNow()) {
            return lastActivityNanos;
        }
        return timers.earliest();
    }

    /** Whether {@link #poll} would send something now; must agree with what each state sends. */
    private boolean hasSomethingToSendNow() {
        switch (state) {
            case HANDSHAKING:
                return handshakePending;
            case CLOSING:
                return closeFramePending;
            case DRAINING:
            case CLOSED:
                return false;
            default:
                break;
        }
        if (ackNow || pongPending || pingPending || rttProbePending || pathResponsePending || pathChallengePending
                || acceptPending || probesToSend > 0 || maxDataPending) {
            return true;
        }
        return hasSendableData() && !timers.isSet(ConnectionTimer.PACING);
    }

    private boolean hasSendableData() {
        if (!peerConfirmed || !loss.congestionAllows(maxDatagramBytes)) {
            return false;
        }
        for (SendChannel channel : sendChannels) {
            if (channel.hasRetransmissions() || (channel.windowAllowsNext() && flowAllows(channel.unsent.peekFirst()))) {
                return true;
            }
        }
        return false;
    }

    private boolean flowAllows(OutgoingMessage message) {
        return message == null || !message.reliable || message.flowCharged
                || sentFlowBytes + TransportConfig.flowCost(message.length) <= peerMaxData;
    }

    private boolean allReliableDataAcknowledged() {
        for (SendChannel channel : sendChannels) {
            if (channel.mode.isReliable() && !channel.isIdle()) {
                return false;
            }
        }
        return true;
    }

    /** Builds and hands to {@code sink} every datagram that may go now. */
    void poll(long nowNanos, DatagramSink sink, ByteBuffer buffer, DatagramChecksum checksum) {
        lastActivityNanos = nowNanos;
        if (state == State.FLUSHING && allReliableDataAcknowledged()) {
            startClosing(nowNanos);
        }
        for (int i = 0; i < MAX_DATAGRAMS_PER_POLL; i++) {
            buffer.clear();
            InetSocketAddress destination = buildDatagram(nowNanos, buffer, checksum);
            if (destination == null) {
                break;
            }
            buffer.flip();
            counters.bytesSent += buffer.remaining();
            sink.send(destination, buffer);
        }
        if (state == State.CLOSING && !closeFramePending && closeFramesSent > 0 && endpoint.isClosing()) {
            terminate(closeReason, closeText, nowNanos);
        }
    }

    /** Writes one datagram into {@code buffer}; returns where it goes, or null if nothing is due. */
    private InetSocketAddress buildDatagram(long nowNanos, ByteBuffer buffer, DatagramChecksum checksum) {
        switch (state) {
            case HANDSHAKING -> {
                return handshakePending ? buildConnect(nowNanos, buffer, checksum) : null;
            }
            case DRAINING, CLOSED -> {
                return null;
            }
            default -> {
                if (acceptPending) {
                    return buildAccept(buffer, checksum);
                }
                if (pathChallengePending && candidateAddress != null) {
                    buildPathChallenge(nowNanos, buffer, checksum);
                    return candidateAddress;
                }
                return buildDataPacket(nowNanos, buffer, checksum) ? remoteAddress : null;
            }
        }
    }

    private InetSocketAddress buildConnect(long nowNanos, ByteBuffer buffer, DatagramChecksum checksum) {
        HandshakePacket packet = endpoint.handshakeScratch();
        packet.version = PacketType.PROTOCOL_VERSION;
        packet.type = PacketType.CONNECT;
        packet.clientConnectionId = localConnectionId;
        fillOwnParameters(packet);
        packet.channelCount = config.channels().size();
        for (int i = 0; i < packet.channelCount; i++) {
            packet.channelModes[i] = (byte) config.channels().get(i).wireCode();
        }
        packet.maxMessageBytes = config.maxMessageBytes();
        packet.channelWindowMessages = config.channelWindowMessages();
        packet.cookieLength = cookieLength;
        System.arraycopy(cookie, 0, packet.cookie, 0, cookieLength);
        packet.encode(buffer, HandshakePacket.MIN_CONNECT_LENGTH, checksum);
        handshakePending = false;
        timers.set(ConnectionTimer.HANDSHAKE_RESEND, nowNanos + handshakeResendNanos);
        handshakeResendNanos = Math.min(handshakeResendNanos * 2, MAX_HANDSHAKE_RESEND_NANOS);
        counters.packetsSent++;
        return remoteAddress;
    }

    private InetSocketAddress buildAccept(ByteBuffer buffer, DatagramChecksum checksum) {
        HandshakePacket packet = endpoint.handshakeScratch();
        packet.version = PacketType.PROTOCOL_VERSION;
        packet.type = PacketType.ACCEPT;
        packet.clientConnectionId = remoteConnectionId;
        packet.serverConnectionId = localConnectionId;
        fillOwnParameters(packet);
        packet.encode(buffer, 0, checksum);
        acceptPending = false;
        counters.packetsSent++;
        return remoteAddress;
    }

    void fillOwnParameters(HandshakePacket packet) {
        packet.maxDatagramBytes = config.maxDatagramBytes();
        packet.receiveWindowBytes = config.receiveWindowBytes();
        packet.maxAckDelayMicros = config.maxAckDelayMicros();
    }

    private void buildPathChallenge(long nowNanos, ByteBuffer buffer, DatagramChecksum checksum) {
        int start = buffer.position();
        DataPacketHeader.write(buffer, remoteConnectionId, nextPacketNumber++);
        FrameWriter.writeU64Frame(buffer, FrameType.PATH_CHALLENGE, pathChallengeValue);
        checksum.append(buffer, start);
        pathChallengePending = false;
        counters.packetsSent++;
    }

    /**
     * Assembles one DATA packet from whatever is due. Returns false, leaving the buffer's contents
     * meaningless and no packet number spent, when nothing needs sending.
     */
    private boolean buildDataPacket(long nowNanos, ByteBuffer buffer, DatagramChecksum checksum) {
        int start = buffer.position();
        int limit = start + maxDatagramBytes - DatagramChecksum.LENGTH;
        long packetNumber = nextPacketNumber;
        DataPacketHeader.write(buffer, remoteConnectionId, packetNumber);
        scratchCount = 0;
        boolean probe = probesToSend > 0;

        long largestAckReported = -1;
        if (received.rangeCount() > 0) {
            boolean wantsAckOnly = ackNow && !hasSendableData();
            int ackBudget = wantsAckOnly ? limit - buffer.position() : TransportConfig.ACK_FRAME_BUDGET_BYTES;
            long ackDelayMicros = Math.max(0, (nowNanos - largestReceivedAtNanos) / 1000);
            if (AckFrame.encode(buffer, received, ackDelayMicros, ackBudget)) {
                largestAckReported = received.largest();
            }
        }
        int afterAck = buffer.position();
        boolean ackEliciting = false;
        long maxDataSent = -1;

        if (state == State.CLOSING) {
            if (!closeFramePending) {
                return false;
            }
            FrameWriter.writeClose(buffer, closeReason.wireCode(), closeTextBytes);
            closeFramePending = false;
            closeFramesSent++;
            onCloseFrameSent(nowNanos);
        } else {
            if (pathResponsePending && limit - buffer.position() >= FrameWriter.U64_FRAME_LENGTH) {
                FrameWriter.writeU64Frame(buffer, FrameType.PATH_RESPONSE, pathResponseValue);
                pathResponsePending = false;
                ackEliciting = true;
            }
            if (pongPending && limit - buffer.position() >= FrameWriter.U64_FRAME_LENGTH) {
                FrameWriter.writeU64Frame(buffer, FrameType.PONG, pongValue);
                pongPending = false;
            }
            if (maxDataPending) {
                long limitBytes = deliveries.advertisedLimit();
                if (limit - buffer.position() >= FrameWriter.maxDataLength(limitBytes)) {
                    FrameWriter.writeMaxData(buffer, limitBytes);
                    maxDataPending = false;
                    maxDataSent = limitBytes;
                    maxDataAdvertised = Math.max(maxDataAdvertised, limitBytes);
                    ackEliciting = true;
                }
            }
            if (peerConfirmed && (probe || congestionAndPacingAllow(nowNanos))) {
                ackEliciting |= writeMessages(buffer, limit);
            }
            // A probe must elicit an acknowledgement, so it carries a PING when it has nothing else;
            // an RTT probe goes whatever else the packet carries.
            boolean wantsPing = rttProbePending || ((pingPending || probe) && !ackEliciting);
            if (wantsPing && limit - buffer.position() >= FrameWriter.U64_FRAME_LENGTH) {
                long value = nowNanos / 1000;
                FrameWriter.writeU64Frame(buffer, FrameType.PING, value);
                outstandingPing = value;
                rttProbePending = false;
                ackEliciting = true;
            }
            if (ackEliciting) {
                pingPending = false;
            }
        }

        boolean carriesAck = largestAckReported >= 0;
        if (buffer.position() == afterAck && !(carriesAck && ackNow)) {
            return false;
        }
        checksum.append(buffer, start);
        nextPacketNumber++;
        int size = buffer.position() - start;
        counters.packetsSent++;
        if (carriesAck) {
            ackNow = false;
            ackElicitingSinceAck = 0;
            timers.cancel(ConnectionTimer.ACK_DELAY);
        }
        if (ackEliciting) {
            SentPacket record = loss.onPacketSent(packetNumber, nowNanos, size);
            record.largestAckReported = largestAckReported;
            record.maxDataSent = maxDataSent;
            for (int i = 0; i < scratchCount; i++) {
                record.addFragment((OutgoingMessage) scratchMessages[i], scratchFragments[i]);
                scratchMessages[i] = null;
            }
            if (probe) {
                probesToSend--;
            }
            syncLossTimer();
            schedulePacing(nowNanos);
        }
        if (state == State.CONNECTED || state == State.FLUSHING) {
            timers.set(ConnectionTimer.KEEPALIVE, nowNanos + config.keepaliveIntervalMillis() * 1_000_000);
        }
        return true;
    }

    private boolean congestionAndPacingAllow(long nowNanos) {
        if (!loss.congestionAllows(maxDatagramBytes)) {
            return false;
        }
        long sendAt = loss.pacingTimeNanos(nowNanos, maxDatagramBytes);
        if (sendAt - nowNanos > 0) {
            timers.set(ConnectionTimer.PACING, sendAt);
            return false;
        }
        return true;
    }

    private void schedulePacing(long nowNanos) {
        long sendAt = loss.pacingTimeNanos(nowNanos, maxDatagramBytes);
        if (sendAt - nowNanos > 0) {
            timers.set(ConnectionTimer.PACING, sendAt);
        }
    }

    /** Writes retransmissions, then new messages, channel by channel in turn. Returns whether any were written. */
    private boolean writeMessages(ByteBuffer buffer, int limit) {
        boolean wrote = false;
        int channels = sendChannels.length;
        lastFrameChannel = -1;
        for (int i = 0; i < channels; i++) {
            SendChannel channel = sendChannels[(nextChannel + i) % channels];
            wrote |= writeRetransmissions(channel, buffer, limit);
        }
        for (int i = 0; i < channels; i++) {
            SendChannel channel = sendChannels[(nextChannel + i) % channels];
            wrote |= writeNewMessages(channel, buffer, limit);
        }
        nextChannel = (nextChannel + 1) % channels;
        return wrote;
    }

    private int lastFrameChannel;
    private long lastFrameSequence;

    private boolean writeRetransmissions(SendChannel channel, ByteBuffer buffer, int limit) {
        boolean wrote = false;
        while (!channel.retransmissions.isEmpty()) {
            OutgoingMessage message = channel.retransmissions.peekFirst();
            int fragment = message.awaitingRetransmission.nextMember(0, message.fragmentCount);
            if (fragment < 0) {
                channel.retransmissions.pollFirst();
                message.queuedForRetransmission = false;
                continue;
            }
            if (!writeFragment(message, fragment, buffer, limit)) {
                break;
            }
            message.awaitingRetransmission.remove(fragment);
            counters.retransmittedFragments++;
            channel.retransmittedFragments++;
            wrote = true;
        }
        return wrote;
    }

    private boolean writeNewMessages(SendChannel channel, ByteBuffer buffer, int limit) {
        boolean wrote = false;
        while (channel.windowAllowsNext()) {
            OutgoingMessage message = channel.unsent.peekFirst();
            if (!flowAllows(message)) {
                break;
            }
            int fragment = message.nextFragmentToSend;
            if (!writeFragment(message, fragment, buffer, limit)) {
                break;
            }
            wrote = true;
            if (message.reliable && !message.flowCharged) {
                sentFlowBytes += TransportConfig.flowCost(message.length);
                message.flowCharged = true;
            }
            message.nextFragmentToSend++;
            if (message.fullySentOnce()) {
                channel.unsent.pollFirst();
                if (message.reliable) {
                    channel.unacked.addLast(message);
                } else {
                    channel.queuedBytes -= message.length;
                    recycler.recycle(message);
                }
            }
        }
        return wrote;
    }

    /** Writes one fragment (or a whole message) if it fits; records reliable ones for acknowledgement. */
    private boolean writeFragment(OutgoingMessage message, int fragment, ByteBuffer buffer, int limit) {
        int start = buffer.position();
        int room = limit - start;
        if (message.isFragmented()) {
            int payload = message.fragmentLength(fragment);
            int header = FrameWriter.fragmentHeaderLength(message.sequence, message.length, message.fragmentSize, fragment);
            if (header + payload > room) {
                return false;
            }
            FrameWriter.writeFragment(buffer, message.channel, message.sequence, message.data, message.length,
                    message.fragmentSize, fragment);
            lastFrameChannel = -1;
        } else {
            boolean follows = lastFrameChannel == message.channel && lastFrameSequence + 1 == message.sequence;
            int needed = follows ? FrameWriter.messageNextLength(message.length)
                    : FrameWriter.messageLength(message.sequence, message.length);
            if (needed > room) {
                return false;
            }
            if (follows) {
                FrameWriter.writeMessageNext(buffer, message.data, message.length);
            } else {
                FrameWriter.writeMessage(buffer, message.channel, message.sequence, message.data, message.length);
            }
            lastFrameChannel = message.channel;
            lastFrameSequence = message.sequence;
        }
        sendChannels[message.channel].frameBytesSent += buffer.position() - start;
        if (message.reliable) {
            scratchMessages[scratchCount] = message;
            scratchFragments[scratchCount] = fragment;
            scratchCount++;
        }
        return true;
    }

    private void syncLossTimer() {
        long deadline = loss.deadlineNanos();
        if (deadline == NetworkNode.NO_DEADLINE) {
            timers.cancel(ConnectionTimer.LOSS_DETECTION);
        } else {
            timers.set(ConnectionTimer.LOSS_DETECTION, deadline);
        }
    }

    /** Marks a fragment for retransmission unless it was acknowledged meanwhile; true if it was queued. */
    private boolean queueRetransmission(OutgoingMessage message, int generation, int fragment) {
        if (message.generation != generation || message.acked.contains(fragment)) {
            return false;
        }
        message.awaitingRetransmission.add(fragment);
        if (!message.queuedForRetransmission) {
            message.queuedForRetransmission = true;
            sendChannels[message.channel].retransmissions.addLast(message);
        }
        return true;
    }

    private void onFragmentAcked(OutgoingMessage message, int generation, int fragment) {
        if (message.generation != generation || !message.acked.add(fragment)) {
            return;
        }
        message.awaitingRetransmission.remove(fragment);
        if (!message.fullyAcked()) {
            return;
        }
        SendChannel channel = sendChannels[message.channel];
        channel.queuedBytes -= message.length;
        if (message.queuedForRetransmission) {
            channel.retransmissions.remove(message);
            message.queuedForRetransmission = false;
        }
        endpoint.bytePool().release(message.data);
        message.data = null;
        message.generation++;
        while (!channel.unacked.isEmpty() && channel.unacked.peekFirst().data == null) {
            recycler.recycleAcknowledged(channel.unacked.pollFirst());
        }
    }

    /** Receives the fate of each ack-eliciting packet from {@link LossDetection}. */
    private final class PacketFate implements LossDetection.Listener {
        @Override
        public void onPacketAcked(SentPacket packet) {
            for (int i = 0; i < packet.messageCount; i++) {
                onFragmentAcked(packet.messages[i], packet.generations[i], packet.fragments[i]);
            }
            if (packet.largestAckReported >= 0) {
                // The peer now knows everything that ACK reported: stop repeating it.
                received.dropBelow(packet.largestAckReported + 1);
            }
            if (packet.maxDataSent >= 0) {
                maxDataAcked = Math.max(maxDataAcked, packet.maxDataSent);
            }
        }

        @Override
        public void onPacketLost(SentPacket packet) {
            for (int i = 0; i < packet.messageCount; i++) {
                queueRetransmission(packet.messages[i], packet.generations[i], packet.fragments[i]);
            }
            if (packet.maxDataSent >= 0 && packet.maxDataSent > maxDataAcked) {
                maxDataPending = true;
            }
        }
    }

    @Override
    public String toString() {
        return "Connection{" + Long.toHexString(localConnectionId) + " " + state + " " + remoteAddress + "}";
    }
}
