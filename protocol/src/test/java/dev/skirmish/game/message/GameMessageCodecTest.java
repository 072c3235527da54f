package dev.skirmish.game.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.Weapon;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.MapFormatException;
import dev.skirmish.game.map.MapParser;
import dev.skirmish.game.map.ShippedMaps;
import dev.skirmish.game.wire.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GameMessageCodecTest {

    private final GameMessageCodec codec = new GameMessageCodec();

    private static List<GameMessage> everyKind() {
        return List.of(
                new Join("Zoë the Quick", GameConstants.PROTOCOL_VERSION),
                new Welcome(7, 60, 123_456, 16),
                new PlayerJoined(31, "bot-12"),
                new Leave(3, "timed out"),
                new Leave(0, ""),
                new Chat(5, "gg — nice shot ☄"),
                new KillFeed(2, 2, Weapon.ROCKET_LAUNCHER),
                new ScoreUpdate(9, -3, 4, 11),
                new MapInfo("Arena", ShippedMaps.text("arena")));
    }

    @Test
    void everyMessageKindRoundTrips() {
        for (GameMessage message : everyKind()) {
            byte[] bytes = codec.encode(message);
            assertEquals(message, codec.decode(bytes), message.getClass().getSimpleName());
        }
    }

    @Test
    void registrationIdsAreFixed() {
        assertEquals(GameMessages.JOIN_ID + 2, codec.encode(new Join("a", 1))[0]);
        assertEquals(GameMessages.WELCOME_ID + 2, codec.encode(new Welcome(0, 60, 0, 1))[0]);
        assertEquals(GameMessages.PLAYER_JOINED_ID + 2, codec.encode(new PlayerJoined(0, "a"))[0]);
        assertEquals(GameMessages.LEAVE_ID + 2, codec.encode(new Leave(0, ""))[0]);
        assertEquals(GameMessages.CHAT_ID + 2, codec.encode(new Chat(0, "x"))[0]);
        assertEquals(GameMessages.KILL_FEED_ID + 2, codec.encode(new KillFeed(0, 1, Weapon.RIFLE))[0]);
        assertEquals(GameMessages.SCORE_UPDATE_ID + 2, codec.encode(new ScoreUpdate(0, 0, 0, 0))[0]);
        assertEquals(GameMessages.MAP_INFO_ID + 2, codec.encode(new MapInfo("m", "x"))[0]);
    }

    @Test
    void mapInfoCarriesAMapTheClientCanParse() throws MapFormatException {
        GameMap shipped = ShippedMaps.load("warehouse");
        MapInfo info = (MapInfo) codec.decode(codec.encode(new MapInfo(shipped.name(), shipped.toText())));

        GameMap received = MapParser.parse(info.mapName(), info.mapText());

        assertEquals(shipped.walls(), received.walls());
    }

    @Test
    void registrationIsRequired() {
        Kryo kryo = new Kryo();
        GameMessages.register(kryo);
        Output output = new Output(64);
        assertThrows(IllegalArgumentException.class, () -> kryo.writeClassAndObject(output, new ArrayList<String>()));
    }

    @Test
    void refusesBytesThatAreNotExactlyOneGameMessage() {
        byte[] chat = codec.encode(new Chat(1, "hello"));

        assertRefused(new byte[0], "malformed");
        assertRefused(Arrays.copyOf(chat, chat.length - 1), "malformed");
        assertRefused(Arrays.copyOf(chat, chat.length + 1), "trailing");
        assertRefused(new byte[] {(byte) 60}, "malformed");
        assertRefused(new byte[] {0}, "not a game message: null");

        Kryo plain = new Kryo();
        Output output = new Output(64);
        plain.writeClassAndObject(output, "a bare string");
        assertRefused(output.toBytes(), "not a game message: String");
    }

    @Test
    void refusesFieldsTheRecordsDoNotAllow() {
        assertRefused(new byte[] {(byte) (GameMessages.CHAT_ID + 2), 100, 1, 'x'}, "player id must be 0..63");
        assertRefused(new byte[] {(byte) (GameMessages.CHAT_ID + 2), 1, 1, 7}, "control character");
        assertRefused(new byte[] {(byte) (GameMessages.CHAT_ID + 2), 1, 2, (byte) 0xC3, (byte) 0x28}, "not valid UTF-8");
        assertRefused(new byte[] {(byte) (GameMessages.KILL_FEED_ID + 2), 1, 2, 3}, "unknown weapon id 3");
        assertRefused(new byte[] {(byte) (GameMessages.WELCOME_ID + 2), 1, 0, 0, 1}, "tick rate");
    }

    @Test
    void aHugeDeclaredTextLengthIsRefusedBeforeAllocating() {
        byte[] bytes = {(byte) (GameMessages.MAP_INFO_ID + 2), 1, 'm', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        assertRefused(bytes, "text length");
        byte[] claimsMoreThanSent = {(byte) (GameMessages.CHAT_ID + 2), 1, 100, 'x'};
        assertRefused(claimsMoreThanSent, "runs past the end");
    }

    @Test
    void constructorsRefuseBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new Join("  ", 1));
        assertThrows(IllegalArgumentException.class, () -> new Join("x".repeat(Join.MAX_NAME_LENGTH + 1), 1));
        assertThrows(IllegalArgumentException.class, () -> new Chat(1, ""));
        assertThrows(IllegalArgumentException.class, () -> new Chat(1, "line\nbreak"));
        assertThrows(IllegalArgumentException.class, () -> new ScoreUpdate(1, 0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new KillFeed(1, GameConstants.MAX_PLAYERS, Weapon.RIFLE));
        assertThrows(IllegalArgumentException.class, () -> new Welcome(1, 0, 0, 16));
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButWireFormatException() {
        SplittableRandom random = new SplittableRandom(31);
        byte[] data = new byte[32];
        for (int i = 0; i < 5_000; i++) {
            random.nextBytes(data);
            data[0] = (byte) (GameMessages.JOIN_ID + 2 + random.nextInt(8));
            int length = random.nextInt(data.length + 1);
            try {
                codec.decode(data, 0, length);
            } catch (WireFormatException expected) {
                // dropped, as a receiver would
            }
        }
    }

    private void assertRefused(byte[] bytes, String reason) {
        WireFormatException error = assertThrows(WireFormatException.class, () -> codec.decode(bytes));
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }
}
