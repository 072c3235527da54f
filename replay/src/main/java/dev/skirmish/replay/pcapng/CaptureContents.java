package dev.skirmish.replay.pcapng;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a pcapng file held: its UDP datagrams in file order, how many packets were something else
 * (not IP, not UDP, fragments), and the problem that stopped the reading, if any. A capture with a
 * problem is partial: {@link #datagrams()} are the ones before it.
 */
public record CaptureContents(Path file, List<CapturedDatagram> datagrams, long otherPackets,
                              Optional<CaptureProblem> problem) {
}
