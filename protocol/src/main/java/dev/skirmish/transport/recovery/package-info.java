/**
 * Loss-recovery building blocks of the transport: RTT estimation, the probe timeout,
 * congestion control, pacing and the receiver's record of packet numbers.
 *
 * <p>Every class here is a pure algorithm: no I/O, no clock, no threads, no allocation after
 * construction. The connection state machine owns one instance of each per connection, feeds
 * it measurements and the current time, and asks it for decisions. The rules follow RFC 9002
 * (QUIC loss detection and congestion control) and RFC 6298 (TCP retransmission timer);
 * each class says where it departs from them and why.
 *
 * <p>Units are in the names: RTTs and timer durations in microseconds (what the wire carries
 * and ample resolution for RTTs), instants in nanoseconds (the driver's clock, see
 * {@link dev.skirmish.transport.NetworkNode}). Arithmetic saturates instead of overflowing,
 * so absurd inputs give a bounded answer rather than a wrapped one.
 */
package dev.skirmish.transport.recovery;
