/**
 * The real-socket driver of the transport: {@link dev.skirmish.transport.udp.UdpHost} runs any
 * {@link dev.skirmish.transport.NetworkNode} over one non-blocking {@code DatagramChannel} and a
 * {@code Selector}, either pumped by a game loop ({@code service(timeoutMillis)}) or on a thread of its
 * own. Loss for end-to-end tests and benchmarks is injected with a
 * {@link dev.skirmish.transport.udp.DatagramDropper} in front of the socket.
 */
package dev.skirmish.transport.udp;
