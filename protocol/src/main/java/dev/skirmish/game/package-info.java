/**
 * The game code that the authoritative server and the client's prediction both run, so both sides
 * execute exactly the same rules; it depends on no transport class and does no I/O.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@link dev.skirmish.game.GameConstants}: every tunable, in one place; {@link dev.skirmish.game.Weapon}.</li>
 *   <li>{@code wire}: bit packing ({@code BitWriter}, {@code BitReader}), {@code Quantization}, and the one
 *       decode failure type {@code WireFormatException}.</li>
 *   <li>{@code map}: immutable {@code GameMap}, its text format ({@code MapParser}) and the shipped maps.</li>
 *   <li>{@code sim}: the rules: {@code Movement}, {@code FireControl}, {@code HitscanRifle},
 *       {@code Projectile} and {@code RocketLauncher}, over mutable {@code PlayerState}.</li>
 *   <li>{@code input}: {@code InputCommand} and the redundant, validated {@code InputPacketCodec}.</li>
 *   <li>{@code snapshot}: the quantized world model, delta {@code SnapshotEncoder}/{@code SnapshotDecoder},
 *       {@code SnapshotRing} for baselines.</li>
 *   <li>{@code message}: reliable-channel records and their fixed Kryo registrations.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>One command is one tick.</b> Clients sample input once per simulation tick at the server's
 *       rate and number the commands; the server applies each command number once, with
 *       {@code dt = 1 / tickRate}. Prediction replays unacknowledged commands with the same {@code dt},
 *       so it repeats the server's arithmetic step for step.</li>
 *   <li><b>Determinism.</b> Simulation uses IEEE doubles (strict on every Java 17 JVM), exactly rounded
 *       {@code Math.sqrt}, {@code StrictMath} for trigonometry, fixed iteration orders, and no
 *       randomness or clocks. Movement has no inertia, so no velocity needs synchronising, and players
 *       do not push each other, so a client's prediction depends only on its own commands and the map.</li>
 *   <li><b>Quantize once, at the model.</b> Snapshots hold wire codes, not doubles, so a decoded snapshot
 *       equals the encoded one exactly and both sides hold identical baselines. Aims in commands are
 *       held as their 16-bit codes for the same reason. Rockets are launched from quantized origins and
 *       angles and flown in closed form, so a client reconstructs their flight from the launch alone.</li>
 *   <li><b>Snapshots per client.</b> The server encodes each client's snapshot against the newest snapshot
 *       that client acknowledged (kept in a per-client {@code SnapshotRing}), or in full when it has none;
 *       the header names the baseline tick and carries the client's last processed command number.</li>
 *   <li><b>Bad input is a value.</b> Every decoder throws only {@code WireFormatException} (or its
 *       subclass {@code MissingBaselineException}) for malformed data, to be counted and dropped; maps
 *       are refused with file, line and reason ({@code MapFormatException}).</li>
 *   <li><b>No allocation on the hot path.</b> Movement, weapons, projectile steps, snapshot and input
 *       encoding and decoding reuse caller-owned or preallocated objects.</li>
 * </ul>
 */
package dev.skirmish.game;
