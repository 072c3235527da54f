package dev.skirmish.transport.udp;

import java.net.InetSocketAddress;

/** Drops exactly one datagram, the next one after {@link #arm()}: a single loss chosen by the test. */
final class ArmedDropper implements DatagramDropper {

    private volatile boolean armed;
    private volatile int dropped;

    /** Drops the next datagram this dropper is asked about. */
    void arm() {
        armed = true;
    }

    /** Datagrams dropped so far. */
    int dropped() {
        return dropped;
    }

    @Override
    public boolean shouldDrop(InetSocketAddress peer, int lengthBytes) {
        if (!armed) {
            return false;
        }
        armed = false;
        dropped++;
        return true;
    }
}
