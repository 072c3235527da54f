package dev.skirmish.replay.play;

/** A capture holds no game stream that demo playback can show; the message says which file and why. */
public final class NotPlayableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotPlayableException(String message) {
        super(message);
    }
}
