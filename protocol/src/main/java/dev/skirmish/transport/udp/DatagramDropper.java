package dev.skirmish.transport.udp;

import java.net.InetSocketAddress;

/**
 * Decides, datagram by datagram, whether a {@link UdpHost} pretends the network lost it: the socket
 * wrapper that end-to-end tests and benchmarks use to run the real transport under loss.
 *
 * <p>A host consults its outbound dropper before handing a datagram to the kernel and its inbound
 * dropper after reading one from the kernel, always on the thread that runs
 * {@link UdpHost#service(long)}, so an implementation needs no synchronisation as long as it is not
 * shared between hosts that run on different threads.
 */
@FunctionalInterface
public interface DatagramDropper {

    /** Drops nothing. */
    DatagramDropper NEVER = (peer, lengthBytes) -> false;

    /**
     * Whether to drop one datagram.
     *
     * @param peer the destination (outbound) or the source (inbound)
     * @param lengthBytes the datagram's length
     */
    boolean shouldDrop(InetSocketAddress peer, int lengthBytes);
}
