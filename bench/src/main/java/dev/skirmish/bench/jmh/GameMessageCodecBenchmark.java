package dev.skirmish.bench.jmh;

import dev.skirmish.game.Weapon;
import dev.skirmish.game.message.Chat;
import dev.skirmish.game.message.GameMessage;
import dev.skirmish.game.message.GameMessageCodec;
import dev.skirmish.game.message.KillFeed;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Kryo serialization of reliable game events: a kill-feed entry and a 40-character chat line, each
 * encoded to a new array and decoded to a new record (the codec's API returns fresh objects, so
 * these are expected to allocate; they are events, not per-tick traffic).
 */
public class GameMessageCodecBenchmark extends BenchmarkSettings {
    private final GameMessageCodec codec = new GameMessageCodec();
    private final KillFeed kill = new KillFeed(3, 17, Weapon.ROCKET_LAUNCHER);
    private final Chat chat = new Chat(5, "rockets on the east bridge, cover me now");
    private byte[] encodedKill;
    private byte[] encodedChat;

    @Setup
    public void encodeInputs() {
        encodedKill = codec.encode(kill);
        encodedChat = codec.encode(chat);
    }

    @Benchmark
    public byte[] encodeKillFeed() {
        return codec.encode(kill);
    }

    @Benchmark
    public GameMessage decodeKillFeed() {
        return codec.decode(encodedKill);
    }

    @Benchmark
    public byte[] encodeChat() {
        return codec.encode(chat);
    }

    @Benchmark
    public GameMessage decodeChat() {
        return codec.decode(encodedChat);
    }
}
