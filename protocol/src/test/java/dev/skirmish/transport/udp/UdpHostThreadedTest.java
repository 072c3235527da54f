package dev.skirmish.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link UdpHost} on its own network thread. Waits are bounded hand-offs (futures, latches, joins)
 * that fail the test when they run out; nothing here measures how long anything took.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UdpHostThreadedTest {

    private static final long HANDOFF_SECONDS = 10;
    // Long enough that close() always outwaits a healthy loop; a stuck one fails the test's timeout first.
    private static final UdpHostOptions PATIENT_CLOSE = UdpHostOptions.builder().closeTimeoutMillis(15_000).build();

    @Test
    void runsTasksAndTheHookOnTheNetworkThread() throws Exception {
        Set<Thread> hookThreads = ConcurrentHashMap.newKeySet();
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), new EchoNode(), PATIENT_CLOSE)) {
            host.start("udp-test-network", () -> hookThreads.add(Thread.currentThread()));

            Thread taskThread = onNetworkThread(host);

            assertEquals("udp-test-network", taskThread.getName());
            assertNotSame(Thread.currentThread(), taskThread);
            assertTrue(taskThread.isDaemon());
            // The hook runs after the iteration that ran the task; tasks queued meanwhile may share that
            // iteration, so wait for the hook itself rather than for another task.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (hookThreads.isEmpty() && System.nanoTime() < deadline) {
                onNetworkThread(host);
            }
            assertEquals(Set.of(taskThread), hookThreads);
        }
    }

    @Test
    void roundTripsBetweenTwoThreadedHosts() throws Exception {
        int count = 10;
        CountDownLatch allEchoed = new CountDownLatch(1);
        try (UdpHost server = UdpHost.bind(Loopback.ipv4(), new EchoNode(), PATIENT_CLOSE)) {
            NumberedSenderNode sender = new NumberedSenderNode(server.localAddress(), 16);
            try (UdpHost client = UdpHost.bind(Loopback.ipv4(), sender, PATIENT_CLOSE)) {
                server.start("udp-test-server");
                client.start("udp-test-client", () -> {
                    if (sender.receivedNumbers().size() == count) {
                        allEchoed.countDown();
                    }
                });

                client.execute(() -> sender.queue(count));

                assertTrue(allEchoed.await(HANDOFF_SECONDS, TimeUnit.SECONDS), "echoes: " + sender.receivedNumbers());
                List<Integer> expected = IntStream.range(0, count).boxed().collect(Collectors.toList());
                assertEquals(expected, sender.receivedNumbers().stream().sorted().collect(Collectors.toList()));
            }
        }
    }

    @Test
    void closeIsIdempotentStopsTheThreadAndReleasesTheSocket() throws Exception {
        UdpHost host = UdpHost.bind(Loopback.ipv4(), new EchoNode(), PATIENT_CLOSE);
        host.start("udp-test-closing");
        Thread networkThread = onNetworkThread(host);

        host.close();
        host.close();

        assertTrue(host.isClosed());
        assertFalse(networkThread.isAlive(), "close() joined the network thread");
        assertTrue(UdpHostTest.canBind(host.localAddress()), "socket released, so its port is free again");
        assertThrows(RejectedExecutionException.class, () -> host.execute(() -> { }));
        assertThrows(IllegalStateException.class, () -> host.service(0));
        assertThrows(IllegalStateException.class, () -> host.start("again"));
    }

    @Test
    void closeFromATaskStopsTheNetworkThread() throws Exception {
        UdpHost host = UdpHost.bind(Loopback.ipv4(), new EchoNode(), PATIENT_CLOSE);
        host.start("udp-test-self-closing");
        Thread networkThread = onNetworkThread(host);

        host.execute(host::close);
        networkThread.join(TimeUnit.SECONDS.toMillis(HANDOFF_SECONDS));

        assertFalse(networkThread.isAlive());
        assertTrue(host.isClosed());
        assertTrue(UdpHostTest.canBind(host.localAddress()), "socket released, so its port is free again");
    }

    @Test
    void refusesServiceFromAnotherThreadAndASecondStart() throws Exception {
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), new EchoNode(), PATIENT_CLOSE)) {
            host.start("udp-test-owned");

            assertThrows(IllegalStateException.class, () -> host.service(0));
            assertThrows(IllegalStateException.class, () -> host.start("udp-test-second"));
        }
    }

    @Test
    void keepsServingAfterTheNodeOrATaskThrows() throws Exception {
        EchoNode failsFirstReceive = new EchoNode().failingFirstReceives(1);
        try (UdpHost server = UdpHost.bind(Loopback.ipv4(), failsFirstReceive, PATIENT_CLOSE)) {
            NumberedSenderNode sender = new NumberedSenderNode(server.localAddress(), 8);
            try (UdpHost client = UdpHost.bind(Loopback.ipv4(), sender, PATIENT_CLOSE)) {
                CountDownLatch echoed = new CountDownLatch(1);
                server.start("udp-test-faulty-server");
                client.start("udp-test-client", () -> {
                    if (!sender.receivedNumbers().isEmpty()) {
                        echoed.countDown();
                    }
                });

                server.execute(() -> {
                    throw new IllegalStateException("planted failure in a task");
                });
                client.execute(() -> sender.queue(2));

                assertTrue(echoed.await(HANDOFF_SECONDS, TimeUnit.SECONDS), "an echo came back");
                assertEquals(List.of(1), sender.receivedNumbers(), "the first datagram died with the failure");
                assertEquals(0, server.stats().loopFailures(), server.stats().toString());
                assertEquals(1, server.stats().nodeExceptions());
                assertEquals(1, server.stats().taskExceptions());
                assertTrue(onNetworkThread(server).isAlive(), "the network thread still runs tasks");
            }
        }
    }

    @Test
    void executeWakesAServiceCallThatIsAlreadyWaiting() throws Exception {
        WaitAnnouncingNode node = new WaitAnnouncingNode();
        try (UdpHost host = UdpHost.bind(Loopback.ipv4(), node, PATIENT_CLOSE)) {
            CompletableFuture<Integer> serviceCall = serviceOnAnotherThread(host);
            assertTrue(node.aboutToWait.await(HANDOFF_SECONDS, TimeUnit.SECONDS));

            // The call has seen an empty task queue and is going to wait a minute: only a wakeup ends it.
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            host.execute(() -> ran.complete(Thread.currentThread()));

            assertEquals(0, serviceCall.get(HANDOFF_SECONDS, TimeUnit.SECONDS));
            assertEquals("udp-test-polling", ran.getNow(null).getName());
        }
    }

    @Test
    void closeFromAnotherThreadWakesAWaitingServiceCallThatThenReleasesTheSocket() throws Exception {
        WaitAnnouncingNode node = new WaitAnnouncingNode();
        UdpHost host = UdpHost.bind(Loopback.ipv4(), node, PATIENT_CLOSE);
        CompletableFuture<Integer> serviceCall = serviceOnAnotherThread(host);
        assertTrue(node.aboutToWait.await(HANDOFF_SECONDS, TimeUnit.SECONDS));

        host.close();

        assertEquals(0, serviceCall.get(HANDOFF_SECONDS, TimeUnit.SECONDS));
        assertTrue(UdpHostTest.canBind(host.localAddress()), "socket released, so its port is free again");
    }

    /** Starts one polled-mode service call that may wait a minute, on a thread of the test's own. */
    private static CompletableFuture<Integer> serviceOnAnotherThread(UdpHost host) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread polling = new Thread(() -> {
            try {
                result.complete(host.service(TimeUnit.MINUTES.toMillis(1)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "udp-test-polling");
        polling.setDaemon(true);
        polling.start();
        return result;
    }

    /**
     * A fake node with nothing to do that announces when a service call asks for its deadline: the
     * host does so after checking for queued tasks and just before it waits.
     */
    private static final class WaitAnnouncingNode extends QuietNode {
        final CountDownLatch aboutToWait = new CountDownLatch(1);

        @Override
        public long nextTimeoutNanos() {
            aboutToWait.countDown();
            return NO_DEADLINE;
        }
    }

    /** Runs a task on the host's network thread and returns that thread once the task has run. */
    private static Thread onNetworkThread(UdpHost host)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        host.execute(() -> ran.complete(Thread.currentThread()));
        return ran.get(HANDOFF_SECONDS, TimeUnit.SECONDS);
    }
}
