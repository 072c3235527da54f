package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.util.function.BooleanSupplier;

/** Loopback addresses on ephemeral ports, and a bounded way to pump polled hosts until a condition holds. */
final class Loopback {

    /** Rounds of service calls before a polled scenario is declared stuck. */
    static final int MAX_ROUNDS = 500;
    private static final long SERVICE_TIMEOUT_MILLIS = 10;

    private Loopback() {
    }

    static InetSocketAddress ipv4() {
        return new InetSocketAddress(address("127.0.0.1"), 0);
    }

    /** {@code [::1]:0}, skipping the calling test where this machine cannot bind it. */
    static InetSocketAddress ipv6() {
        InetSocketAddress local = new InetSocketAddress(address("::1"), 0);
        boolean bindable;
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            probe.bind(local);
            bindable = true;
        } catch (IOException | UnsupportedOperationException e) {
            bindable = false;
        }
        assumeTrue(bindable, "IPv6 loopback ::1 cannot be bound here");
        return local;
    }

    /** Services each host in turn until {@code done} holds; fails after {@link #MAX_ROUNDS} rounds. */
    static void serviceUntil(BooleanSupplier done, String what, UdpHost... hosts) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (done.getAsBoolean()) {
                return;
            }
            for (UdpHost host : hosts) {
                host.service(SERVICE_TIMEOUT_MILLIS);
            }
        }
        if (!done.getAsBoolean()) {
            fail("not done after " + MAX_ROUNDS + " service rounds: " + what);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not a literal address: " + literal, e);
        }
    }
}
