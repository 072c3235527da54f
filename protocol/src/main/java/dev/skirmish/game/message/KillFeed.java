package dev.skirmish.game.message;

import dev.skirmish.game.Weapon;

/** Server to every client: {@code killerId} killed {@code victimId} with {@code weapon}; equal ids mean a suicide. */
public record KillFeed(int killerId, int victimId, Weapon weapon) implements GameMessage {

    /** Validates ids and weapon. */
    public KillFeed {
        MessageText.requirePlayerId(killerId, "killer id");
        MessageText.requirePlayerId(victimId, "victim id");
        if (weapon == null) {
            throw new IllegalArgumentException("weapon must not be null");
        }
    }
}
