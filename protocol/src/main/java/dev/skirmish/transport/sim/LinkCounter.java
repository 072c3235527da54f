package dev.skirmish.transport.sim;

/**
 * What can happen to a datagram on a simulated link; each is counted in datagrams and bytes by
 * {@link LinkStats}. A datagram sent is eventually exactly one of {@link #DELIVERED},
 * {@link #LOST}, {@link #QUEUE_DROPPED} or {@link #UNDELIVERABLE} (a duplicated one contributes
 * its copy too), unless it is still in flight.
 */
public enum LinkCounter {
    /** Handed to the link by a node. */
    SENT,
    /** Handed to the node at the destination address. */
    DELIVERED,
    /** Dropped by random or burst loss. */
    LOST,
    /** Tail-dropped because the bottleneck queue was full. */
    QUEUE_DROPPED,
    /** Arrived where no node is attached (never was, or moved away or detached since). */
    UNDELIVERABLE,
    /** An extra copy made by duplication. */
    DUPLICATED,
    /** Had bits flipped on the way. */
    CORRUPTED,
    /** Held back by the reorder delay. */
    REORDERED,
    /** Put on the wire by {@link SimulatedNetwork#inject}, bypassing the link model. */
    INJECTED
}
