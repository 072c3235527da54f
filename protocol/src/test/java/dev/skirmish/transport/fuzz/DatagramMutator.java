package dev.skirmish.transport.fuzz;

import dev.skirmish.transport.sim.SimulatedNetwork;
import dev.skirmish.transport.wire.DataPacketHeader;
import dev.skirmish.transport.wire.DatagramChecksum;
import dev.skirmish.transport.wire.PacketType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Makes hostile datagrams from genuine ones, in two families with named strategies:
 *
 * <ul>
 *   <li><b>Damaged</b> ({@link Damage}, and {@link #garbage()}): the checksum is left broken, or the
 *       datagram is too short or too long to carry one. An endpoint must drop every one of these as
 *       BAD_CHECKSUM, TRUNCATED or OVERSIZED before looking at anything else; {@link #damage}
 *       guarantees the checksum does not hold by accident.</li>
 *   <li><b>Forged</b> ({@link DataForgery}, {@link HandshakeMutation}): the damage is done and then a
 *       valid CRC32C is appended, so it reaches the packet and frame decoders. Without encryption
 *       such a forgery of a connection's own packets can legitimately change that connection's data.</li>
 * </ul>
 *
 * Every choice comes from the {@link SplittableRandom} given at construction.
 */
final class DatagramMutator {
    /** A hostile datagram and the name of the strategy that made it. */
    record Mutant(String strategy, byte[] bytes) {
    }

    /** Damage that leaves the checksum broken. */
    enum Damage {
        FLIP_BITS, OVERWRITE_BYTES, TRUNCATE, EXTEND, OVERSIZE, SPLICE_TWO, CORRUPT_TRAILER
    }

    /** Forgeries of a DATA packet, with a valid checksum. */
    enum DataForgery {
        /** One to three {@link FrameMutation}s stacked on the frames; header kept. */
        FRAMES(70),
        /** The frames replaced by random bytes. */
        RANDOM_FRAMES(5),
        /** A header and no frames at all. */
        HEADER_ONLY(2),
        /** A packet number a few ahead of the genuine one: not sent yet by the peer. */
        PACKET_NUMBER_AHEAD(2),
        /** A random packet number, up to 2^31 away from any real one. */
        PACKET_NUMBER_RANDOM(1),
        /** A connection id nobody has. */
        UNKNOWN_CONNECTION_ID(6),
        /** A version byte that is not ours. */
        WRONG_VERSION(4),
        /** A type byte that is no packet type. */
        UNKNOWN_PACKET_TYPE(4),
        /** Cut inside the header. */
        SHORT_HEADER(4);

        final int weight;

        DataForgery(int weight) {
            this.weight = weight;
        }
    }

    private static final int RANDOM_SHORT_MAX = 64;
    private static final int RANDOM_MTU_MAX = 1500;

    private final SplittableRandom random;
    private final int maxDatagramBytes;
    private final CRC32C crc = new CRC32C();

    DatagramMutator(SplittableRandom random, int maxDatagramBytes) {
        this.random = random;
        this.maxDatagramBytes = maxDatagramBytes;
    }

    /** Random bytes of a random length: mostly tiny or MTU-sized, one in 500 up to the UDP maximum. */
    Mutant garbage() {
        int roll = random.nextInt(1000);
        String strategy;
        int length;
        if (roll < 2) {
            strategy = "RANDOM_HUGE";
            length = random.nextInt(maxDatagramBytes + 1, SimulatedNetwork.MAX_DATAGRAM_BYTES + 1);
        } else if (roll < 500) {
            strategy = "RANDOM_SHORT";
            length = random.nextInt(RANDOM_SHORT_MAX + 1);
        } else {
            strategy = "RANDOM_MTU";
            length = random.nextInt(RANDOM_MTU_MAX + 1);
        }
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new Mutant(strategy, breakChecksum(bytes));
    }

    /** {@code genuine} damaged so that its checksum fails (or its length alone condemns it). */
    Mutant damage(byte[] genuine, byte[] other) {
        Damage damage = Damage.values()[random.nextInt(Damage.values().length)];
        byte[] out = switch (damage) {
            case FLIP_BITS -> FrameMutation.FLIP_BITS.apply(genuine, random);
            case OVERWRITE_BYTES -> FrameMutation.OVERWRITE_BYTES.apply(genuine, random);
            case TRUNCATE -> FrameMutation.TRUNCATE.apply(genuine, random);
            case EXTEND -> FrameMutation.splice(genuine, genuine.length, genuine.length, randomBytes(1 + random.nextInt(200)));
            case OVERSIZE -> FrameMutation.splice(genuine, genuine.length, genuine.length,
                    randomBytes(maxDatagramBytes + 1 - genuine.length + random.nextInt(2000)));
            case SPLICE_TWO -> FrameMutation.splice(genuine, random.nextInt(genuine.length + 1), genuine.length,
                    Arrays.copyOfRange(other, random.nextInt(other.length + 1), other.length));
            case CORRUPT_TRAILER -> corruptTrailer(genuine.clone());
        };
        return new Mutant("DAMAGE_" + damage, breakChecksum(out));
    }

    /**
     * A forgery of the DATA packet {@code genuine}, re-addressed to {@code connectionId} (except for
     * {@link DataForgery#UNKNOWN_CONNECTION_ID}), with a valid checksum. The packet number is kept
     * unless the strategy says otherwise.
     */
    Mutant forgeData(byte[] genuine, long connectionId) {
        DataForgery forgery = pickForgery();
        byte[] body = Arrays.copyOf(genuine, genuine.length - DatagramChecksum.LENGTH);
        ByteBuffer header = ByteBuffer.wrap(body);
        header.putLong(DataPacketHeader.CONNECTION_ID_OFFSET, connectionId);
        byte[] frames = Arrays.copyOfRange(body, DataPacketHeader.LENGTH, body.length);
        String strategy = "DATA_" + forgery;
        switch (forgery) {
            case FRAMES -> {
                int stacked = 1 + random.nextInt(3);
                StringBuilder names = new StringBuilder(strategy);
                for (int i = 0; i < stacked; i++) {
                    FrameMutation mutation = FrameMutation.pick(random);
                    frames = mutation.apply(frames, random);
                    names.append(i == 0 ? ":" : "+").append(mutation);
                }
                strategy = names.toString();
            }
            case RANDOM_FRAMES -> frames = randomBytes(random.nextInt(200));
            case HEADER_ONLY -> frames = new byte[0];
            case PACKET_NUMBER_AHEAD -> header.putInt(DataPacketHeader.PACKET_NUMBER_OFFSET,
                    header.getInt(DataPacketHeader.PACKET_NUMBER_OFFSET) + 1 + random.nextInt(16));
            case PACKET_NUMBER_RANDOM -> header.putInt(DataPacketHeader.PACKET_NUMBER_OFFSET, random.nextInt());
            case UNKNOWN_CONNECTION_ID -> header.putLong(DataPacketHeader.CONNECTION_ID_OFFSET, random.nextLong());
            case WRONG_VERSION -> body[PacketType.VERSION_OFFSET] = (byte) (PacketType.PROTOCOL_VERSION + 1 + random.nextInt(255));
            case UNKNOWN_PACKET_TYPE -> body[PacketType.TYPE_OFFSET] = (byte) (0x20 + random.nextInt(0xE0));
            case SHORT_HEADER -> {
                return new Mutant(strategy, withChecksum(Arrays.copyOf(body, random.nextInt(DataPacketHeader.LENGTH))));
            }
        }
        byte[] headerBytes = Arrays.copyOf(body, DataPacketHeader.LENGTH);
        return new Mutant(strategy, withChecksum(FrameMutation.splice(headerBytes, headerBytes.length, headerBytes.length, frames)));
    }

    /**
     * A forgery of the handshake packet {@code genuine}: one to three {@link HandshakeMutation}s, and
     * one time in three its client connection id replaced by one of {@code clientIds}; valid checksum.
     */
    Mutant forgeHandshake(byte[] genuine, long... clientIds) {
        byte[] body = Arrays.copyOf(genuine, genuine.length - DatagramChecksum.LENGTH);
        StringBuilder strategy = new StringBuilder("HANDSHAKE");
        if (random.nextInt(3) == 0 && clientIds.length > 0 && body.length >= PacketType.PREFIX_LENGTH + 8) {
            ByteBuffer.wrap(body).putLong(PacketType.PREFIX_LENGTH, clientIds[random.nextInt(clientIds.length)]);
            strategy.append(":RETARGET");
        }
        int stacked = random.nextInt(4);
        for (int i = 0; i < stacked; i++) {
            HandshakeMutation mutation = HandshakeMutation.pick(random);
            body = mutation.apply(body, random);
            strategy.append(strategy.indexOf(":") < 0 ? ":" : "+").append(mutation);
        }
        if (stacked == 0 && strategy.indexOf(":") < 0) {
            strategy.append(":REPLAY");
        }
        return new Mutant(strategy.toString(), withChecksum(body));
    }

    /** Random bytes with a valid checksum: reaches the version and type checks. */
    Mutant checksummedGarbage() {
        byte[] body = randomBytes(random.nextInt(PacketType.PREFIX_LENGTH, 300));
        if (random.nextBoolean()) {
            body[PacketType.VERSION_OFFSET] = PacketType.PROTOCOL_VERSION;
        }
        return new Mutant("RANDOM_WITH_CHECKSUM", withChecksum(body));
    }

    /** Whether the last four bytes of {@code datagram} are the CRC32C of the rest (computed here, not by the transport). */
    boolean checksumHolds(byte[] datagram) {
        if (datagram.length < DatagramChecksum.LENGTH) {
            return false;
        }
        crc.reset();
        crc.update(datagram, 0, datagram.length - DatagramChecksum.LENGTH);
        return (int) crc.getValue() == ByteBuffer.wrap(datagram).getInt(datagram.length - DatagramChecksum.LENGTH);
    }

    /** {@code body} followed by its CRC32C. */
    byte[] withChecksum(byte[] body) {
        crc.reset();
        crc.update(body, 0, body.length);
        byte[] out = Arrays.copyOf(body, body.length + DatagramChecksum.LENGTH);
        ByteBuffer.wrap(out).putInt(body.length, (int) crc.getValue());
        return out;
    }

    /** Makes sure the checksum of {@code bytes} does not hold, so the datagram is damaged whatever its content. */
    private byte[] breakChecksum(byte[] bytes) {
        return bytes.length >= PacketType.MIN_DATAGRAM_LENGTH && checksumHolds(bytes)
                ? corruptTrailer(bytes) : bytes;
    }

    private byte[] corruptTrailer(byte[] bytes) {
        if (bytes.length > 0) {
            bytes[bytes.length - 1 - random.nextInt(Math.min(bytes.length, DatagramChecksum.LENGTH))] ^=
                    (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private DataForgery pickForgery() {
        int total = 0;
        for (DataForgery forgery : DataForgery.values()) {
            total += forgery.weight;
        }
        int ticket = random.nextInt(total);
        for (DataForgery forgery : DataForgery.values()) {
            ticket -= forgery.weight;
            if (ticket < 0) {
                return forgery;
            }
        }
        throw new AssertionError("weights do not add up");
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
