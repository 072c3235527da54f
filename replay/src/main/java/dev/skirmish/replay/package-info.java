/**
 * Capture and replay of Skirmish sessions.
 *
 * <ul>
 *   <li>{@code capture}: a {@code NetworkNode} decorator that records every datagram into a pcapng
 *       file written by a thread of its own;</li>
 *   <li>{@code pcapng}: the file format, written and read (the reader follows the specification, not
 *       only our writer);</li>
 *   <li>{@code analysis}: a capture decoded as Skirmish traffic, connections, loss, retransmissions,
 *       RTT, and the application messages recovered from it;</li>
 *   <li>{@code run}: those messages re-sent through the real transport over the simulated network;</li>
 *   <li>{@code cli}: {@code skirmish replay info} and {@code skirmish replay run}.</li>
 * </ul>
 */
package dev.skirmish.replay;
