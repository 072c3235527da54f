package dev.skirmish.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.game.Weapon;
import dev.skirmish.game.net.ClientUpdate;
import dev.skirmish.game.snapshot.Snapshot;
import dev.skirmish.game.snapshot.SnapshotEncoder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SnapshotReceiverTest {

    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final SnapshotReceiver receiver = new SnapshotReceiver(8);

    private static Snapshot world(int tick) {
        Snapshot snapshot = new Snapshot().clear(tick);
        snapshot.addPlayer(0).set(1000 + tick * 16, 2000, tick % 1024, 100, true, 0, tick / 10, Weapon.RIFLE);
        snapshot.addPlayer(4).set(3000, 2000 + tick * 8, 0, 80, true, 1, 0, Weapon.ROCKET_LAUNCHER);
        snapshot.setLastProcessedCommand(Math.max(Snapshot.NO_COMMAND, tick - 3));
        return snapshot;
    }

    private byte[] encode(Snapshot current, Snapshot baseline) {
        int length = encoder.encode(current, baseline);
        return Arrays.copyOf(encoder.buffer(), length);
    }

    private Snapshot accept(byte[] data) {
        return receiver.accept(data, 0, data.length);
    }

    @Test
    void acknowledgesTheNewestDecodedAndDecodesDeltasAgainstTheNamedBaseline() {
        assertEquals(ClientUpdate.NO_SNAPSHOT, receiver.ackedTick());
        Snapshot full = accept(encode(world(10), null));
        assertTrue(full.sameAs(world(10)));
        assertEquals(10, receiver.ackedTick());

        Snapshot delta = accept(encode(world(11), world(10)));
        assertTrue(delta.sameAs(world(11)), "delta against 10");
        assertEquals(11, receiver.ackedTick());

        // The server has not heard the ack of 11 yet: 12 comes against 10, which is still held.
        Snapshot older = accept(encode(world(12), world(10)));
        assertTrue(older.sameAs(world(12)), "delta against an older baseline");
        assertEquals(12, receiver.ackedTick());
        assertEquals(3, receiver.accepted());
        assertEquals(0, receiver.dropped());
    }

    @Test
    void aDeltaAgainstASnapshotNeverReceivedIsDroppedAndTheAckStays() {
        accept(encode(world(10), null));
        assertNull(accept(encode(world(13), world(12))), "12 never arrived");
        assertEquals(1, receiver.missingBaseline());
        assertEquals(10, receiver.ackedTick(), "still acknowledging what the client holds");

        assertNotNull(accept(encode(world(14), world(10))));
        assertEquals(14, receiver.ackedTick());
    }

    @Test
    void anEvictedBaselineIsMissingToo() {
        accept(encode(world(1), null));
        for (int tick = 2; tick <= 10; tick++) {
            accept(encode(world(tick), world(tick - 1)));
        }
        assertNull(accept(encode(world(11), world(1))), "tick 1 was evicted from a ring of 8");
        assertEquals(1, receiver.missingBaseline());
        assertNotNull(receiver.get(10));
        assertNull(receiver.get(1));
    }

    @Test
    void staleAndMalformedSnapshotsAreDroppedAndCounted() {
        accept(encode(world(10), null));
        accept(encode(world(11), world(10)));
        assertNull(accept(encode(world(9), null)));
        assertEquals(1, receiver.stale());
        assertNull(receiver.accept(new byte[] {1, 2, 3}, 0, 3));
        assertEquals(1, receiver.malformed());
        assertEquals(2, receiver.dropped());
        assertEquals(11, receiver.ackedTick());
    }
}
