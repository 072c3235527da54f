package dev.skirmish.transport;

import dev.skirmish.transport.handshake.CookieMinter;
import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.HandshakePacket;
import dev.skirmish.transport.wire.PacketType;
import dev.skirmish.transport.wire.ProtocolException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local UDP address's worth of connections, as a sans-IO {@link NetworkNode}: it validates and
 * demultiplexes incoming datagrams (by the connection id in each DATA packet, not by source
 * address), runs the stateless server handshake, and collects the datagrams its connections want to
 * send. A driver ({@code UdpHost}, {@code SimulatedNetwork}) moves the bytes and supplies the time.
 *
 * <h2>Handshake (server side)</h2>
 * <pre>
 *  client                                   server
 *  CONNECT(no cookie, padded)      ---->    no state kept; reply is smaller than the request
 *                                  <----    CHALLENGE(cookie = epoch, time, HMAC(addr, port, id, time))
 *  CONNECT(cookie, padded)         ---->    cookie verified: the client receives at that address;
 *                                           now a Connection exists (or REJECT: full, channels, version)
 *                                  <----    ACCEPT(server connection id, parameters)
 *  DATA ...                        <--->    DATA ...   (server sends data once the client's first DATA arrives)
 * </pre>
 * Before the cookie returns the server answers each CONNECT with at most one datagram no larger than
 * the CONNECT itself, so it cannot be used to amplify traffic toward a spoofed address.
 *
 * <h2>Use</h2>
 * The application calls {@link #connect} (client), reads {@link #pollEvent()} for connections coming
 * and going, and uses each {@link Connection}'s {@code send}/{@code receive}, all on the driver's
 * thread. Not thread-safe.
 */
public final class Endpoint implements NetworkNode {
    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);
    private static final long RETAINED_POOL_BYTES = 8L << 20;

    private final TransportConfig config;
    private final boolean acceptsConnections;
    private final RandomGenerator random;
    private final ByteArrayPool bytePool = new ByteArrayPool(RETAINED_POOL_BYTES);
    private final OutgoingMessageRecycler outgoingMessages = new OutgoingMessageRecycler(bytePool);
    private final ConnectionTable byLocalId = new ConnectionTable();
    private final ConnectionTable byClientId = new ConnectionTable();
    private final List<Connection> connections = new ArrayList<>();
    private final List<Connection> closed = new ArrayList<>();
    private final ArrayDeque<ConnectionEvent> events = new ArrayDeque<>();
    private final CookieMinter cookies;
    private final HandshakePacket incomingHandshake = new HandshakePacket();
    private final HandshakePacket outgoingHandshake = new HandshakePacket();
    private final DatagramChecksum checksum = new DatagramChecksum();
    private final ByteBuffer sendBuffer;
    private final PendingReplies replies;
    private final long[] drops = new long[DropReason.values().length];
    private long datagramsReceived;
    private long bytesReceived;
    private long datagramsSent;
    private long bytesSent;
    private long connectionsAccepted;
    private long connectionsRejected;
    private long challengesSent;
    private long lastNowNanos;
    private boolean closing;

    private Endpoint(TransportConfig config, boolean acceptsConnections, RandomGenerator random) {
        this.config = config;
        this.acceptsConnections = acceptsConnections;
        this.random = random;
        this.cookies = new CookieMinter(random, config.cookieSecretRotationMillis(), config.cookieLifetimeMillis());
        this.sendBuffer = ByteBuffer.allocate(config.maxDatagramBytes());
        this.replies = new PendingReplies(config.maxPendingReplies(), config.maxDatagramBytes());
    }

    /**
     * An endpoint that accepts incoming connections (and may also open its own). {@code random}
     * makes connection ids, cookie secrets and path challenges: use a {@link java.security.SecureRandom}
     * in production and a seeded generator in tests.
     */
    public static Endpoint server(TransportConfig config, RandomGenerator random) {
        return new Endpoint(config, true, random);
    }

    /** An endpoint that only opens connections. */
    public static Endpoint client(TransportConfig config, RandomGenerator random) {
        return new Endpoint(config, false, random);
    }

    /**
     * Starts connecting to {@code server}. The connection accepts messages at once and sends them
     * after the handshake; a {@link ConnectionEvent.Type#CONNECTED} or
     * {@link ConnectionEvent.Type#CONNECT_FAILED} event follows.
     */
    public Connection connect(long nowNanos, InetSocketAddress server) {
        if (closing) {
            throw new IllegalStateException("endpoint is closed");
        }
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + server);
        }
        lastNowNanos = nowNanos;
        Connection connection = new Connection(this, true, newConnectionId(), server, nowNanos);
        register(connection);
        return connection;
    }

    /** The next connection event, or null if none is waiting. */
    public ConnectionEvent pollEvent() {
        return events.pollFirst();
    }

    /** The open connections (a live, read-only view). */
    public List<Connection> connections() {
        return Collections.unmodifiableList(connections);
    }

    /**
     * Closes every connection at once (each peer is told) and refuses new ones. Keep driving the
     * endpoint until {@link #connections()} is empty so the CLOSE frames go out.
     */
    public void close(long nowNanos) {
        closing = true;
        lastNowNanos = nowNanos;
        for (int i = 0; i < connections.size(); i++) {
            connections.get(i).abort(DisconnectReason.ENDPOINT_CLOSED, "endpoint closed", nowNanos);
        }
        purgeClosed();
    }

    public boolean isClosing() {
        return closing;
    }

    public TransportConfig config() {
        return config;
    }

    public EndpointStats stats() {
        return new EndpointStats(datagramsReceived, bytesReceived, datagramsSent, bytesSent, connectionsAccepted,
                connectionsRejected, challengesSent, EndpointStats.copy(drops));
    }

    // ------------------------------------------------------------------ NetworkNode

    @Override
    public void receive(long nowNanos, InetSocketAddress from, ByteBuffer datagram) {
        lastNowNanos = nowNanos;
        int start = datagram.position();
        int limit = datagram.limit();
        datagramsReceived++;
        bytesReceived += limit - start;
        try {
            dispatch(nowNanos, from, datagram, start, limit);
        } catch (ProtocolException e) {
            countDrop(e.reason());
        } finally {
            datagram.limit(limit).position(start);
        }
        purgeClosed();
    }

    private void dispatch(long nowNanos, InetSocketAddress from, ByteBuffer datagram, int start, int end)
            throws ProtocolException {
        int length = end - start;
        if (length < PacketType.MIN_DATAGRAM_LENGTH) {
            throw ProtocolException.of(DropReason.TRUNCATED);
        }
        if (length > config.maxDatagramBytes()) {
            throw ProtocolException.of(DropReason.OVERSIZED);
        }
        if (!checksum.verify(datagram)) {
            throw ProtocolException.of(DropReason.BAD_CHECKSUM);
        }
        int version = datagram.get(start + PacketType.VERSION_OFFSET) & 0xFF;
        int type = datagram.get(start + PacketType.TYPE_OFFSET) & 0xFF;
        if (version != PacketType.PROTOCOL_VERSION) {
            onForeignVersion(nowNanos, from, datagram, version, type, length);
            return;
        }
        switch (type) {
            case PacketType.DATA -> {
                Connection connection = byLocalId.get(DataPacketHeader.connectionId(datagram, start));
                if (connection == null) {
                    throw ProtocolException.of(DropReason.UNKNOWN_CONNECTION);
                }
                connection.onDataPacket(nowNanos, from, datagram, start, end);
            }
            case PacketType.CONNECT -> onConnect(nowNanos, from, datagram, length);
            case PacketType.CHALLENGE, PacketType.ACCEPT, PacketType.REJECT -> {
                incomingHandshake.decode(datagram);
                Connection connection = byLocalId.get(incomingHandshake.clientConnectionId);
                if (connection == null) {
                    throw ProtocolException.of(DropReason.UNKNOWN_CONNECTION);
                }
                connection.onHandshake(nowNanos, from, incomingHandshake);
            }
            default -> throw ProtocolException.of(DropReason.UNKNOWN_PACKET_TYPE);
        }
    }

    /**
     * A datagram of another protocol version. Only the version-independent parts are read: a padded
     * CONNECT is refused with a REJECT the other version can read, and a REJECT (whose layout never
     * changes) is handed to the connection it answers so its application can show why.
     */
    private void onForeignVersion(long nowNanos, InetSocketAddress from, ByteBuffer datagram, int version, int type,
                                  int length) throws ProtocolException {
        if (type == PacketType.CONNECT && acceptsConnections && !closing
                && length >= HandshakePacket.MIN_CONNECT_LENGTH) {
            long clientId = datagram.getLong(datagram.position() + PacketType.PREFIX_LENGTH);
            reject(from, clientId, DisconnectReason.VERSION_MISMATCH, "server speaks protocol version "
                    + PacketType.PROTOCOL_VERSION + ", client sent " + version, length);
        } else if (type == PacketType.REJECT) {
            incomingHandshake.decode(datagram);
            Connection connection = byLocalId.get(incomingHandshake.clientConnectionId);
            if (connection != null) {
                connection.onHandshake(nowNanos, from, incomingHandshake);
                return;
            }
        }
        throw ProtocolException.of(DropReason.WRONG_VERSION);
    }

    private void onConnect(long nowNanos, InetSocketAddress from, ByteBuffer datagram, int length)
            throws ProtocolException {
        if (!acceptsConnections || closing) {
            throw ProtocolException.of(DropReason.UNEXPECTED_HANDSHAKE);
        }
        if (length < HandshakePacket.MIN_CONNECT_LENGTH) {
            throw ProtocolException.of(DropReason.TRUNCATED);
        }
        HandshakePacket packet = incomingHandshake;
        packet.decode(datagram);
        String mismatch = channelMismatch(packet);
        if (mismatch != null) {
            reject(from, packet.clientConnectionId, DisconnectReason.CHANNEL_MISMATCH, mismatch, length);
            return;
        }
        if (packet.cookieLength == 0) {
            challenge(nowNanos, from, packet.clientConnectionId, length);
            return;
        }
        switch (cookies.verify(nowNanos, from, packet.clientConnectionId, packet.cookie, packet.cookieLength)) {
            case INVALID -> throw ProtocolException.of(DropReason.INVALID_COOKIE);
            case EXPIRED -> {
                countDrop(DropReason.EXPIRED_COOKIE);
                challenge(nowNanos, from, packet.clientConnectionId, length);
            }
            case VALID -> admit(nowNanos, from, packet, length);
        }
    }

    /**
     * Why the client's channel agreement differs from ours, or null if it matches: the same channels in
     * the same modes, the same maximum message size and the same channel window (a message or window
     * one side allows and the other refuses could never be delivered).
     */
    private String channelMismatch(HandshakePacket packet) {
        boolean sameChannels = packet.channelCount == config.channels().size();
        for (int i = 0; sameChannels && i < packet.channelCount; i++) {
            sameChannels = packet.channelModes[i] == config.channels().get(i).wireCode();
        }
        if (!sameChannels) {
            return "server channels are " + config.channels();
        }
        if (packet.maxMessageBytes != config.maxMessageBytes()) {
            return "server maxMessageBytes is " + config.maxMessageBytes() + ", client " + packet.maxMessageBytes;
        }
        if (packet.channelWindowMessages != config.channelWindowMessages()) {
            return "server channelWindowMessages is " + config.channelWindowMessages() + ", client "
                    + packet.channelWindowMessages;
        }
        return null;
    }

    /** A client proved its address: make (or find again) its connection. */
    private void admit(long nowNanos, InetSocketAddress from, HandshakePacket packet, int length) {
        Connection existing = byClientId.get(packet.clientConnectionId);
        if (existing != null) {
            if (existing.remoteAddress().equals(from)) {
                existing.onRepeatedConnect(nowNanos);
            } else {
                countDrop(DropReason.UNEXPECTED_HANDSHAKE);
            }
            return;
        }
        if (connections.size() >= config.maxConnections()) {
            reject(from, packet.clientConnectionId, DisconnectReason.SERVER_FULL,
                    "server is full (" + config.maxConnections() + " connections)", length);
            return;
        }
        Connection connection = new Connection(this, false, newConnectionId(), from, nowNanos);
        connection.setRemoteConnectionId(packet.clientConnectionId);
        connection.applyPeerParameters(packet);
        register(connection);
        byClientId.put(packet.clientConnectionId, connection);
        connectionsAccepted++;
        onConnected(connection);
    }

    private void challenge(long nowNanos, InetSocketAddress from, long clientId, int requestLength) {
        HandshakePacket reply = outgoingHandshake;
        reply.version = PacketType.PROTOCOL_VERSION;
        reply.type = PacketType.CHALLENGE;
        reply.clientConnectionId = clientId;
        reply.cookieLength = cookies.mint(nowNanos, from, clientId, reply.cookie);
        if (queueReply(from, reply, requestLength)) {
            challengesSent++;
        }
    }

    private void reject(InetSocketAddress from, long clientId, DisconnectReason reason, String text, int requestLength) {
        HandshakePacket reply = outgoingHandshake;
        reply.version = PacketType.PROTOCOL_VERSION;
        reply.type = PacketType.REJECT;
        reply.clientConnectionId = clientId;
        reply.rejectReasonCode = reason.wireCode();
        int maxText = Math.max(0, Math.min(255, requestLength - HandshakePacket.REJECT_FIXED_LENGTH));
        reply.rejectText = text.length() > maxText ? text.substring(0, maxText) : text;
        if (queueReply(from, reply, requestLength)) {
            connectionsRejected++;
        }
    }

    /** Encodes a stateless reply for sending at the next poll; never larger than the request it answers. */
    private boolean queueReply(InetSocketAddress to, HandshakePacket reply, int requestLength) {
        sendBuffer.clear();
        int length = reply.encode(sendBuffer, 0, checksum);
        if (length > requestLength) {
            // Unreachable while requests are padded (checked above); kept so no reply can ever amplify.
            countDrop(DropReason.TRUNCATED);
            return false;
        }
        if (!replies.add(to, sendBuffer.array(), length)) {
            countDrop(DropReason.REPLY_QUEUE_FULL);
            return false;
        }
        return true;
    }

    @Override
    public void handleTimeout(long nowNanos) {
        lastNowNanos = nowNanos;
        for (int i = 0; i < connections.size(); i++) {
            Connection connection = connections.get(i);
            long deadline = connection.nextTimeoutNanos();
            if (deadline != NO_DEADLINE && deadline - nowNanos <= 0) {
                connection.handleTimeout(nowNanos);
            }
        }
        purgeClosed();
    }

    @Override
    public void poll(long nowNanos, DatagramSink sink) {
        lastNowNanos = nowNanos;
        CountingSink counting = countingSink.wrap(sink);
        replies.drain(sendBuffer, counting);
        for (int i = 0; i < connections.size(); i++) {
            connections.get(i).poll(nowNanos, counting, sendBuffer, checksum);
        }
        purgeClosed();
    }

    private final CountingSink countingSink = new CountingSink();

    /** Counts what goes out, without allocating a wrapper per poll. */
    private final class CountingSink implements DatagramSink {
        private DatagramSink target;

        CountingSink wrap(DatagramSink sink) {
            this.target = sink;
            return this;
        }

        @Override
        public void send(InetSocketAddress to, ByteBuffer datagram) {
            datagramsSent++;
            bytesSent += datagram.remaining();
            target.send(to, datagram);
        }
    }

    @Override
    public long nextTimeoutNanos() {
        if (!replies.isEmpty()) {
            return lastNowNanos;
        }
        long earliest = NO_DEADLINE;
        for (int i = 0; i < connections.size(); i++) {
            long deadline = connections.get(i).nextTimeoutNanos();
            if (deadline != NO_DEADLINE && (earliest == NO_DEADLINE || deadline - earliest < 0)) {
                earliest = deadline;
            }
        }
        return earliest;
    }

    // ------------------------------------------------------------------ for connections

    void onConnected(Connection connection) {
        LOG.debug("connected: {}", connection);
        events.addLast(new ConnectionEvent(ConnectionEvent.Type.CONNECTED, connection, null, ""));
    }

    void onConnectFailed(Connection connection, DisconnectReason reason, String detail) {
        LOG.debug("connect failed: {} {} {}", connection, reason, detail);
        events.addLast(new ConnectionEvent(ConnectionEvent.Type.CONNECT_FAILED, connection, reason,
                detail == null ? "" : detail));
    }

    void onDisconnected(Connection connection, DisconnectReason reason, String detail) {
        LOG.debug("disconnected: {} {} {}", connection, reason, detail);
        events.addLast(new ConnectionEvent(ConnectionEvent.Type.DISCONNECTED, connection, reason,
                detail == null ? "" : detail));
    }

    /** A connection reached CLOSED; it is forgotten after the current call. */
    void onClosed(Connection connection) {
        closed.add(connection);
    }

    void countDrop(DropReason reason) {
        drops[reason.ordinal()]++;
    }

    ByteArrayPool bytePool() {
        return bytePool;
    }

    OutgoingMessageRecycler outgoingMessages() {
        return outgoingMessages;
    }

    RandomGenerator random() {
        return random;
    }

    HandshakePacket handshakeScratch() {
        return outgoingHandshake;
    }

    private void register(Connection connection) {
        byLocalId.put(connection.localConnectionId(), connection);
        connections.add(connection);
    }

    private void purgeClosed() {
        if (closed.isEmpty()) {
            return;
        }
        for (Connection connection : closed) {
            connections.remove(connection);
            byLocalId.remove(connection.localConnectionId());
            if (byClientId.get(connection.remoteConnectionId()) == connection) {
                byClientId.remove(connection.remoteConnectionId());
            }
        }
        closed.clear();
    }

    private long newConnectionId() {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0 || byLocalId.containsKey(id));
        return id;
    }
}
