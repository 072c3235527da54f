package dev.skirmish.transport.capture;

import java.nio.file.Files;
import java.nio.file.Path;

/** What every command with {@code --record FILE} says about its capture file, the same way. */
public final class CaptureTarget {

    private CaptureTarget() {
    }

    /** Why a capture cannot be written to {@code file}, or null if it can (or no file was asked for). */
    public static String problem(Path file) {
        if (file == null) {
            return null;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return "no such directory " + parent;
        }
        if (!Files.isWritable(parent)) {
            return "directory " + parent + " is not writable";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        return null;
    }

    /** One line for the end of a run: where the capture went and whether anything was dropped. */
    public static String describe(CaptureFile capture) {
        return "capture: " + capture.recordedDatagrams() + " datagrams recorded to " + capture.path()
                + (capture.droppedDatagrams() == 0 ? "" : ", " + capture.droppedDatagrams()
                        + " dropped because the writer fell behind");
    }
}
