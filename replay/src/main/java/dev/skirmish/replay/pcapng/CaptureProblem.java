package dev.skirmish.replay.pcapng;

import java.nio.file.Path;

/**
 * Why reading a capture stopped early (or what was wrong with it): the file, the byte offset of the
 * block or field at fault, and what was found there. Everything read before the offset is still usable.
 */
public record CaptureProblem(Path file, long byteOffset, String detail) {

    /** "FILE: at byte OFFSET: DETAIL", the form every command prints. */
    public String message() {
        return file + ": at byte " + byteOffset + ": " + detail;
    }

    @Override
    public String toString() {
        return message();
    }
}
