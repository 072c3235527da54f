package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class UdpHostOptionsTest {

    @Test
    void defaultsAreLargeBuffersAndNoLoss() {
        UdpHostOptions options = UdpHostOptions.defaults();
        assertEquals(4 * 1024 * 1024, options.socketReceiveBufferBytes());
        assertEquals(4 * 1024 * 1024, options.socketSendBufferBytes());
        assertEquals(65_536, options.maxDatagramBytes());
        assertSame(DatagramDropper.NEVER, options.inboundDropper());
        assertSame(DatagramDropper.NEVER, options.outboundDropper());
        assertTrue(options.clock().isEmpty());
    }

    @Test
    void toBuilderKeepsEverySettingButTheOneChanged() {
        NanoClock clock = () -> 5;
        DatagramDropper dropper = new RandomDatagramDropper(0.5, 3);
        UdpHostOptions original = UdpHostOptions.builder()
                .socketReceiveBufferBytes(1_000).socketSendBufferBytes(2_000).maxDatagramBytes(1_500)
                .pendingSendCapacity(0).receiveBatchLimit(7).closeTimeoutMillis(0)
                .inboundDropper(dropper).outboundDropper(dropper).clock(clock).build();

        UdpHostOptions changed = original.toBuilder().receiveBatchLimit(8).build();

        assertEquals(1_000, changed.socketReceiveBufferBytes());
        assertEquals(2_000, changed.socketSendBufferBytes());
        assertEquals(1_500, changed.maxDatagramBytes());
        assertEquals(0, changed.pendingSendCapacity());
        assertEquals(8, changed.receiveBatchLimit());
        assertEquals(7, original.receiveBatchLimit(), "the original is immutable");
        assertEquals(0, changed.closeTimeoutMillis());
        assertSame(dropper, changed.inboundDropper());
        assertSame(dropper, changed.outboundDropper());
        assertSame(clock, changed.clock().orElseThrow());
    }

    @Test
    void rejectsBadValuesNamingTheSetting() {
        UdpHostOptions.Builder builder = UdpHostOptions.builder();
        assertRejected("socketReceiveBufferBytes", () -> builder.socketReceiveBufferBytes(0));
        assertRejected("socketSendBufferBytes", () -> builder.socketSendBufferBytes(-1));
        assertRejected("maxDatagramBytes", () -> builder.maxDatagramBytes(0));
        assertRejected("maxDatagramBytes", () -> builder.maxDatagramBytes(65_537));
        assertRejected("pendingSendCapacity", () -> builder.pendingSendCapacity(-1));
        assertRejected("receiveBatchLimit", () -> builder.receiveBatchLimit(0));
        assertRejected("closeTimeoutMillis", () -> builder.closeTimeoutMillis(-1));
        assertThrows(NullPointerException.class, () -> builder.inboundDropper(null));
        assertThrows(NullPointerException.class, () -> builder.outboundDropper(null));
        assertThrows(NullPointerException.class, () -> builder.clock(null));
    }

    private static void assertRejected(String setting, Runnable set) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, set::run, setting);
        assertTrue(e.getMessage().startsWith(setting), e.getMessage());
    }
}
