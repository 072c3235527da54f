package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionQueuesTest {

    @Test
    void receivingPausesAtTheInboundBoundAndTheReadThatMakesRoomAsksForOneWakeUp() {
        ConnectionQueues queues = new ConnectionQueues(4, 1_000, 300);

        assertTrue(queues.mayReceive());
        queues.chargeInbound(200);
        assertTrue(queues.mayReceive(), "below the bound");
        queues.chargeInbound(200);
        assertFalse(queues.mayReceive(), "the bound is reached: one message past it at most");

        assertFalse(queues.releaseInbound(50), "still no room");
        assertTrue(queues.releaseInbound(100), "room again: the paused network thread must be woken");
        assertFalse(queues.releaseInbound(100), "woken once is enough");
        assertTrue(queues.mayReceive());
        assertEquals(150, queues.inboundQueuedBytes());
    }

    @Test
    void readsWhileTheNetworkThreadIsNotPausedNeverAskForAWakeUp() {
        ConnectionQueues queues = new ConnectionQueues(4, 1_000, 300);
        queues.chargeInbound(400);

        assertFalse(queues.releaseInbound(400), "it never stopped, so it needs no waking");
    }

    @Test
    void outboundIsPerChannelAndCloseDiscardsEveryChannel() {
        ConnectionQueues queues = new ConnectionQueues(2, 1_000, 300);
        queues.outbound(0).offer(new byte[10], 0, 10);
        queues.outbound(1).offer(new byte[20], 0, 20);

        assertFalse(queues.outboundIsEmpty());
        assertEquals(queues.outbound(0).queuedBytes() + queues.outbound(1).queuedBytes(), queues.outboundQueuedBytes());
        queues.closeOutbound();

        assertTrue(queues.outboundIsEmpty());
        assertEquals(0, queues.outboundQueuedBytes());
        assertFalse(queues.outbound(1).offer(new byte[1], 0, 1));
    }
}
