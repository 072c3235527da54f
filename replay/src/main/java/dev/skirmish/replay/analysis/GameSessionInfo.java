package dev.skirmish.replay.analysis;

import dev.skirmish.game.message.GameMessage;
import dev.skirmish.game.message.GameMessageCodec;
import dev.skirmish.game.message.Welcome;
import dev.skirmish.game.net.GameChannels;
import dev.skirmish.game.wire.WireFormatException;
import java.util.OptionalInt;

/**
 * What a capture says about the game running over the transport, read from the server's reliable
 * events: a capture of another program on our transport simply has none.
 */
public final class GameSessionInfo {
    private GameSessionInfo() {
    }

    /** The tick rate of the first {@link Welcome} the server sent in {@code trace}, if any decodes. */
    public static OptionalInt tickRateHz(SessionTrace trace) {
        GameMessageCodec codec = new GameMessageCodec();
        for (RecoveredMessage message : trace.messages()) {
            if (message.direction() != Direction.SERVER_TO_CLIENT || message.channel() != GameChannels.EVENTS) {
                continue;
            }
            GameMessage decoded = decodeOrNull(codec, message.payload());
            if (decoded instanceof Welcome welcome) {
                return OptionalInt.of(welcome.tickRateHz());
            }
        }
        return OptionalInt.empty();
    }

    private static GameMessage decodeOrNull(GameMessageCodec codec, byte[] payload) {
        try {
            return codec.decode(payload);
        } catch (WireFormatException notAGameMessage) {
            // Another program's bytes on channel 0: not a game session, or not this message.
            return null;
        }
    }
}
