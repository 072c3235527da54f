/**
 * The authoritative Skirmish server.
 *
 * <h2>Running it</h2>
 * <ul>
 *   <li><b>In virtual time</b> (tests, replay, benchmarks): a {@link dev.skirmish.server.GameServer} is a
 *       sans-IO {@code NetworkNode}; attach it to a {@code SimulatedNetwork} and run the network.
 *       <pre>{@code
 * GameServer server = new GameServer(ServerConfig.defaults(), ShippedMaps.load("arena"),
 *         new SplittableRandom(seed), () -> 0);            // work clock: a fake is fine here
 * network.attach(new InetSocketAddress("10.0.0.1", 7777), server);
 * network.runFor(TimeUnit.SECONDS.toNanos(10));
 * ServerStats stats = server.stats();                       // figures now
 * ServerSummary summary = server.summary();                 // scores, matches, network totals
 *       }</pre></li>
 *   <li><b>Over UDP on a thread</b> (the demo): {@link dev.skirmish.server.RunningServer#start}, which
 *       returns the bound address and whose {@code stop()} returns the {@code ServerSummary}.</li>
 *   <li><b>From the command line</b>: {@link dev.skirmish.server.ServerCommand}, a picocli command for the
 *       launcher.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>The server is a node.</b> It wraps the transport's {@code Endpoint} and adds the tick as one
 *       more deadline, so one object runs under both drivers; the time passed in is the only clock. The
 *       tick schedule is fixed-rate from the first wake-up and never accumulates rounding; a driver
 *       more than {@value dev.skirmish.server.GameServer#MAX_LATE_TICKS} ticks late skips ahead (counted)
 *       rather than running a burst, and tick numbers stay consecutive so every duration counted in
 *       ticks keeps meaning simulated time.</li>
 *   <li><b>Inputs: once, in order, never faster than real time.</b> Each player's
 *       {@link dev.skirmish.server.input.CommandQueue} applies one command per tick, two while
 *       catching up on banked ticks, drops the oldest beyond a bounded backlog and skips gaps rather
 *       than waiting. Movement is computed from buttons by the shared rules, the fire rate by the
 *       shared {@code FireControl}; what a client could forge, it cannot use. Every refusal and clamp is
 *       counted by {@link dev.skirmish.server.input.InputRejection}.</li>
 *   <li><b>Lag compensation rewinds to what the client drew.</b> The server keeps every player's
 *       position per tick and blends the two snapshot ticks around the shot's view time exactly as the
 *       client's interpolation did, within a configurable limit (default 200 ms, 0 turns it off).
 *       Walls are not rewound (the map does not move); rockets fly in the present.</li>
 *   <li><b>Snapshots per client, against its own acknowledgement.</b> Each client's sent snapshots are
 *       kept (about a second's worth) so whichever it acknowledges can be the next baseline; an
 *       acknowledgement of a tick never sent is refused, an old one falls back to a full snapshot.</li>
 *   <li><b>Closing waits for the wake-up's datagrams.</b> A connection is closed after the poll of the
 *       wake-up that decided it, because a closing connection stops sending control frames it may
 *       still owe (such as the PONG to a client's first PING).</li>
 *   <li><b>Steady play allocates nothing.</b> Commands, world, history, snapshots and encoders are
 *       preallocated and reused; only rare events (joins, kills, chat) allocate their messages.</li>
 *   <li><b>Tick work is CPU time.</b> The injected work clock is the server thread's CPU clock under
 *       {@code RunningServer}, so preemption by other processes is not blamed on the tick.</li>
 * </ul>
 */
package dev.skirmish.server;
