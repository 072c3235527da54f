/**
 * A simulated datagram network in virtual time, for deterministic tests and replays of the
 * transport: {@link dev.skirmish.transport.sim.SimulatedNetwork} drives
 * {@link dev.skirmish.transport.NetworkNode}s over links shaped by
 * {@link dev.skirmish.transport.sim.LinkConditions}, counts what happens in
 * {@link dev.skirmish.transport.sim.LinkStats} and shows traffic to a
 * {@link dev.skirmish.transport.sim.DatagramTap}.
 */
package dev.skirmish.transport.sim;
