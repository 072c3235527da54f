package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworkThreadOptionsTest {

    @Test
    void keepsWhatWasSet() {
        UdpHostOptions host = UdpHostOptions.builder().pendingSendCapacity(8).build();

        NetworkThreadOptions options = NetworkThreadOptions.builder()
                .threadName("bot-7-net")
                .outboundQueueBytes(65_536)
                .inboundQueueBytes(32_768)
                .shutdownTimeoutMillis(0)
                .hostOptions(host)
                .build();

        assertEquals("bot-7-net", options.threadName());
        assertEquals(65_536, options.outboundQueueBytes());
        assertEquals(32_768, options.inboundQueueBytes());
        assertEquals(0, options.shutdownTimeoutMillis());
        assertSame(host, options.hostOptions());
    }

    @Test
    void rejectsBadValuesWhereTheyAreSetNamingThem() {
        NetworkThreadOptions.Builder builder = NetworkThreadOptions.builder();

        IllegalArgumentException outbound = assertThrows(IllegalArgumentException.class,
                () -> builder.outboundQueueBytes(0));
        assertTrue(outbound.getMessage().contains("outboundQueueBytes"), outbound::getMessage);
        assertThrows(IllegalArgumentException.class, () -> builder.inboundQueueBytes(0));
        assertThrows(IllegalArgumentException.class, () -> builder.shutdownTimeoutMillis(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.threadName(" "));
        assertThrows(NullPointerException.class, () -> builder.hostOptions(null));
    }
}
