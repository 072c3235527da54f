/**
 * The Skirmish client's game state machine: joining a server, input, prediction, reconciliation and
 * interpolation, with no I/O of its own.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@link dev.skirmish.client.GameClient}: a sans-IO {@code NetworkNode} around a client
 *       {@code Endpoint}; {@link dev.skirmish.client.GameClientConfig}, {@link dev.skirmish.client.ClientPhase},
 *       {@link dev.skirmish.client.ClientFailure}, {@link dev.skirmish.client.ClientStats}.</li>
 *   <li>What it is made of: {@link dev.skirmish.client.SnapshotReceiver} (baselines and acks),
 *       {@link dev.skirmish.client.ServerClock} (which server tick is "now"),
 *       {@link dev.skirmish.client.InterpolationBuffer} (others, drawn in the past),
 *       {@code CommandHistory} and {@code LocalPredictor} (the local player, drawn in the future),
 *       {@code TickSchedule} (the fixed-rate client tick).</li>
 *   <li>What it shows: {@link dev.skirmish.client.ClientView} with {@link dev.skirmish.client.PlayerView} and
 *       {@link dev.skirmish.client.ProjectileView}; {@link dev.skirmish.client.FrameExchange} hands copies to a
 *       render thread. {@link dev.skirmish.client.InputSource} is what decides the input (bots, keyboard).</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>One driver-agnostic node.</b> The client is a {@code NetworkNode}, so the same object runs over
 *       UDP ({@code UdpHost}) and in virtual time ({@code SimulatedNetwork}, many clients per test). The
 *       instants passed in are its only clock; its tick is one more deadline in
 *       {@code nextTimeoutNanos}.</li>
 *   <li><b>The client ticks at the server's rate</b> (from the Welcome), one command per tick, because the
 *       server applies one command per tick: prediction then repeats the server's arithmetic exactly, and
 *       reconciliation errors are pure quantization (at most 1/32 unit per axis) unless something the
 *       client cannot know happened.</li>
 *   <li><b>Corrections are measured per command</b>: the server's position after command {@code L} against
 *       the prediction stored for {@code L}, not the visible jump of the newest prediction, so the figure
 *       is comparable across latencies. Deaths and respawns rebase without counting.</li>
 *   <li><b>Render time follows the fastest snapshots.</b> Jitter only delays, so the server clock tracks the
 *       highest arrival samples and sinks slowly; the interpolation delay (default 100 ms) absorbs the rest.
 *       Underruns extrapolate at most {@code maxExtrapolationMillis}, then hold. The view tick sent with each
 *       command is this render time, which is what the server's lag compensation rewinds to.</li>
 *   <li><b>Without prediction</b> the local player is drawn like everyone else (interpolated);
 *       <b>without interpolation</b> everyone is drawn at the newest snapshot. Both exist to show what each
 *       technique buys.</li>
 *   <li><b>Crossing threads by triple buffer</b>, not a queue: a renderer always gets the newest whole
 *       frame, frames it was too slow for are dropped rather than queued, and nothing allocates.</li>
 *   <li><b>Kills and deaths come from the kill feed</b> (one reliable, ordered event per kill); the
 *       scoreboard shows the server's {@code ScoreUpdate} figures.</li>
 *   <li><b>No allocation per tick</b> apart from a statistics record four times a second (checked by a test).</li>
 * </ul>
 */
package dev.skirmish.client;
