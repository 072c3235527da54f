package dev.skirmish.game.message;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.skirmish.game.Weapon;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The reliable-channel message table: each {@link GameMessage} type with its fixed Kryo registration
 * id and its hand-written serializer.
 *
 * <pre>
 *   id  type           fields in order
 *   16  Join           name: text(24), protocol version: varint
 *   17  Welcome        player id: varint, tick rate Hz: varint, server tick: varint, max players: varint
 *   18  PlayerJoined   player id: varint, name: text(24)
 *   19  Leave          player id: varint, reason: text(100)
 *   20  Chat           player id: varint, text: text(200)
 *   21  KillFeed       killer id: varint, victim id: varint, weapon id: varint
 *   22  ScoreUpdate    player id: varint, score: signed varint, kills: varint, deaths: varint
 *   23  MapInfo        name: text(32), map text: text(70000 bytes)
 * </pre>
 * On the wire each message is Kryo's class id (varint of id + 2) then the fields. {@code varint} is
 * Kryo's positive-optimised var-int; {@code text(n)} is a var-int byte count (at most n x 3 bytes, or
 * n bytes where n counts bytes) then strict UTF-8. Serializers are explicit rather than reflective
 * so the format does not shift when a field is renamed, and so a reader checks each length before
 * allocating for it: a peer cannot make the decoder reserve memory beyond the limits above. Ids are
 * part of the protocol; never reuse one.
 */
public final class GameMessages {

    /** Kryo registration ids; Kryo reserves 0..9 for its built-in types. */
    public static final int JOIN_ID = 16;
    /** Registration id of {@link Welcome}. */
    public static final int WELCOME_ID = 17;
    /** Registration id of {@link PlayerJoined}. */
    public static final int PLAYER_JOINED_ID = 18;
    /** Registration id of {@link Leave}. */
    public static final int LEAVE_ID = 19;
    /** Registration id of {@link Chat}. */
    public static final int CHAT_ID = 20;
    /** Registration id of {@link KillFeed}. */
    public static final int KILL_FEED_ID = 21;
    /** Registration id of {@link ScoreUpdate}. */
    public static final int SCORE_UPDATE_ID = 22;
    /** Registration id of {@link MapInfo}. */
    public static final int MAP_INFO_ID = 23;

    private static final int UTF8_MAX_BYTES_PER_CHAR = 3;

    private GameMessages() {
    }

    /**
     * Registers every game message with its fixed id on {@code kryo} and turns on required
     * registration, so an unregistered class can be neither written nor read.
     */
    public static void register(Kryo kryo) {
        kryo.setRegistrationRequired(true);
        kryo.register(Join.class, new MessageSerializer<>(
                (out, m) -> {
                    writeText(out, m.playerName(), Join.MAX_NAME_LENGTH * UTF8_MAX_BYTES_PER_CHAR);
                    out.writeVarInt(m.protocolVersion(), true);
                },
                in -> new Join(readText(in, Join.MAX_NAME_LENGTH * UTF8_MAX_BYTES_PER_CHAR), in.readVarInt(true))),
                JOIN_ID);
        kryo.register(Welcome.class, new MessageSerializer<>(
                (out, m) -> {
                    out.writeVarInt(m.playerId(), true);
                    out.writeVarInt(m.tickRateHz(), true);
                    out.writeVarInt(m.serverTick(), true);
                    out.writeVarInt(m.maxPlayers(), true);
                },
                in -> new Welcome(in.readVarInt(true), in.readVarInt(true), in.readVarInt(true), in.readVarInt(true))),
                WELCOME_ID);
        kryo.register(PlayerJoined.class, new MessageSerializer<>(
                (out, m) -> {
                    out.writeVarInt(m.playerId(), true);
                    writeText(out, m.playerName(), Join.MAX_NAME_LENGTH * UTF8_MAX_BYTES_PER_CHAR);
                },
                in -> new PlayerJoined(in.readVarInt(true), readText(in, Join.MAX_NAME_LENGTH * UTF8_MAX_BYTES_PER_CHAR))),
                PLAYER_JOINED_ID);
        kryo.register(Leave.class, new MessageSerializer<>(
                (out, m) -> {
                    out.writeVarInt(m.playerId(), true);
                    writeText(out, m.reason(), Leave.MAX_REASON_LENGTH * UTF8_MAX_BYTES_PER_CHAR);
                },
                in -> new Leave(in.readVarInt(true), readText(in, Leave.MAX_REASON_LENGTH * UTF8_MAX_BYTES_PER_CHAR))),
                LEAVE_ID);
        kryo.register(Chat.class, new MessageSerializer<>(
                (out, m) -> {
                    out.writeVarInt(m.playerId(), true);
                    writeText(out, m.text(), Chat.MAX_TEXT_LENGTH * UTF8_MAX_BYTES_PER_CHAR);
                },
                in -> new Chat(in.readVarInt(true), readText(in, Chat.MAX_TEXT_LENGTH * UTF8_MAX_BYTES_PER_CHAR))),
                CHAT_ID);
        kryo.register(KillFeed.class, new MessageSerializer<>(
                (out, m) -> {
                    out.writeVarInt(m.killerId(), true);
                    out.writeVarInt(m.victimId(), true);
                    out.writeVarInt(m.weapon().wireId(), true);
                },
                in -> new KillFeed(in.readVarInt(true), in.readVarInt(true), Weapon.byWireId(in.readVarInt(true)))),
                KILL_FEED_ID);
        kryo.register(ScoreUpdate.class, new MessageSerializer<>(
                (out, m) -> {
                    out.writeVarInt(m.playerId(), true);
                    out.writeVarInt(m.score(), false);
                    out.writeVarInt(m.kills(), true);
                    out.writeVarInt(m.deaths(), true);
                },
                in -> new ScoreUpdate(in.readVarInt(true), in.readVarInt(false), in.readVarInt(true), in.readVarInt(true))),
                SCORE_UPDATE_ID);
        kryo.register(MapInfo.class, new MessageSerializer<>(
                (out, m) -> {
                    writeText(out, m.mapName(), MapInfo.MAX_NAME_LENGTH * UTF8_MAX_BYTES_PER_CHAR);
                    writeText(out, m.mapText(), MapInfo.MAX_TEXT_BYTES);
                },
                in -> new MapInfo(readText(in, MapInfo.MAX_NAME_LENGTH * UTF8_MAX_BYTES_PER_CHAR),
                        readText(in, MapInfo.MAX_TEXT_BYTES))),
                MAP_INFO_ID);
    }

    /** Writes {@code text} as a byte count and UTF-8; refuses text over {@code maxBytes}. */
    static void writeText(Output out, String text, int maxBytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > maxBytes) {
            throw new IllegalArgumentException("text of " + utf8.length + " UTF-8 bytes exceeds " + maxBytes);
        }
        out.writeVarInt(utf8.length, true);
        out.writeBytes(utf8);
    }

    /** Reads text written by {@link #writeText}, checking the count before allocating and the UTF-8 strictly. */
    static String readText(Input in, int maxBytes) {
        int length = in.readVarInt(true);
        if (length < 0 || length > maxBytes) {
            throw new IllegalArgumentException("text length " + length + " outside 0.." + maxBytes);
        }
        if (length > in.limit() - in.position()) {
            throw new KryoException("text of " + length + " bytes runs past the end of the message");
        }
        byte[] utf8 = in.readBytes(length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not valid UTF-8", e);
        }
    }

    /** A serializer made of one write and one read function; messages are immutable and never null. */
    private static final class MessageSerializer<T extends GameMessage> extends Serializer<T> {

        /** Writes one message's fields. */
        @FunctionalInterface
        interface FieldWriter<T> {
            void write(Output out, T message);
        }

        /** Reads one message's fields and constructs it (the constructor validates). */
        @FunctionalInterface
        interface FieldReader<T> {
            T read(Input in);
        }

        private final FieldWriter<T> writer;
        private final FieldReader<T> reader;

        MessageSerializer(FieldWriter<T> writer, FieldReader<T> reader) {
            super(false, true);
            this.writer = writer;
            this.reader = reader;
        }

        @Override
        public void write(Kryo kryo, Output output, T message) {
            writer.write(output, message);
        }

        @Override
        public T read(Kryo kryo, Input input, Class<? extends T> type) {
            return reader.read(input);
        }
    }
}
