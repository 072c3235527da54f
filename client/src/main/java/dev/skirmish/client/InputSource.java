package dev.skirmish.client;

import dev.skirmish.game.input.InputCommand;

/**
 * What decides a player's input: the bot brain for headless bots, the keyboard and mouse for the
 * window client. A {@link GameClient} samples it exactly once per client tick, on its network
 * thread, while it plays.
 *
 * <p>Contract of {@link #sample}: {@code command} arrives with no movement buttons and fire released,
 * and the aim and weapon of the previous command (so a source that only steers keeps its aim). The
 * source sets buttons, aim, fire and weapon; the client then stamps the command number, client time
 * and view tick, so those are not the source's to set. {@code view} is the client's live state: the
 * local player as predicted after the previous command, the others as they are being drawn. It is
 * valid only during the call; a source must not keep it. Sources must not block: they run inside the
 * network loop.
 */
@FunctionalInterface
public interface InputSource {

    /** Decides this tick's input from what the player sees. */
    void sample(ClientView view, InputCommand command);

    /** A source that never presses anything (spectating, tests). */
    InputSource IDLE = (view, command) -> { };
}
