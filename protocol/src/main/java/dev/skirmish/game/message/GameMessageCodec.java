package dev.skirmish.game.message;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.skirmish.game.wire.WireFormatException;

/**
 * Turns {@link GameMessage}s into byte arrays for the transport's reliable channel and back, using
 * a private Kryo instance set up by {@link GameMessages#register}.
 *
 * <p>Decoding accepts exactly one registered game message filling the whole range; anything else
 * (unknown class id, a built-in Kryo type, truncation, trailing bytes, a field its record refuses)
 * throws {@link WireFormatException} with the reason. Kryo instances are not thread-safe, so neither
 * is this: one codec per thread. Encoding allocates the returned array; reliable messages are rare
 * enough that this is not a hot path.
 */
public final class GameMessageCodec {

    /** Largest encoded message: the biggest {@link MapInfo} plus headroom. */
    public static final int MAX_MESSAGE_BYTES = MapInfo.MAX_TEXT_BYTES + 1024;

    private final Kryo kryo = new Kryo();
    private final Output output = new Output(256, MAX_MESSAGE_BYTES);
    private final Input input = new Input();

    /** Creates a codec with its own registered Kryo instance. */
    public GameMessageCodec() {
        kryo.setReferences(false);
        GameMessages.register(kryo);
    }

    /** Encodes {@code message} as a new byte array. */
    public byte[] encode(GameMessage message) {
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
        output.reset();
        kryo.writeClassAndObject(output, message);
        return output.toBytes();
    }

    /**
     * Decodes the message in {@code data[offset, offset + length)}.
     *
     * @throws WireFormatException if the bytes are not exactly one valid game message
     */
    public GameMessage decode(byte[] data, int offset, int length) {
        if (length > MAX_MESSAGE_BYTES) {
            throw new WireFormatException("message of " + length + " bytes exceeds " + MAX_MESSAGE_BYTES);
        }
        input.setBuffer(data, offset, length);
        Object decoded;
        try {
            decoded = kryo.readClassAndObject(input);
        } catch (RuntimeException e) {
            // Kryo reports bad input with several exception types; all of them mean "drop this message".
            throw new WireFormatException("malformed game message: " + e.getMessage(), e);
        }
        if (!(decoded instanceof GameMessage)) {
            throw new WireFormatException("not a game message: "
                    + (decoded == null ? "null" : decoded.getClass().getSimpleName()));
        }
        if (input.position() != input.limit()) {
            throw new WireFormatException((input.limit() - input.position()) + " trailing byte(s) after "
                    + decoded.getClass().getSimpleName());
        }
        return (GameMessage) decoded;
    }

    /** Decodes a whole array; see {@link #decode(byte[], int, int)}. */
    public GameMessage decode(byte[] data) {
        return decode(data, 0, data.length);
    }
}
