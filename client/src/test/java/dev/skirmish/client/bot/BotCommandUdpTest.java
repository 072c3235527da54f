package dev.skirmish.client.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skirmish.transport.TransportConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code skirmish bot} end to end over real UDP against the stand-in server test double. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BotCommandUdpTest {

    @Test
    void printsOneJsonObjectWithEveryBotAndTheTotal() throws Exception {
        try (UdpStandIn standIn = new UdpStandIn(2, TransportConfig.lan())) {
            BotCommandArgumentsTest.Run run = BotCommandArgumentsTest.run("--server", standIn.hostPort(), "--count", "2",
                    "--duration", "800ms", "--name", "j\"s", "--seed", "9", "--json");

            assertEquals(CommandLine.ExitCode.OK, run.exitCode(), run.err());
            String json = run.out().trim();
            assertEquals(1, run.out().lines().count(), "one line: " + run.out());
            assertTrue(json.startsWith("{\"server\":\"127.0.0.1:" + standIn.address().getPort() + "\",\"durationMillis\":800,\"seed\":9,\"bots\":["), json);
            // Which bot's Join reaches the server first, and so gets id 0, is up to the threads.
            Matcher bots = Pattern.compile("\\{\"name\":\"j\\\\\"s-([12])\",\"playerId\":([01]),\"rttMillis\":").matcher(json);
            Map<String, String> idByBot = new HashMap<>();
            while (bots.find()) {
                idByBot.put(bots.group(1), bots.group(2));
            }
            assertEquals(Set.of("1", "2"), idByBot.keySet(), json);
            assertEquals(Set.of("0", "1"), Set.copyOf(idByBot.values()), json);
            assertTrue(json.contains("\"total\":{\"bots\":2,\"rttMillis\":"), json);
            assertTrue(json.endsWith(",\"failures\":0}}"), json);
            for (String field : new String[] {"lossPercent", "snapshotsPerSecond", "kbpsDown", "kbpsUp", "corrections",
                    "largestCorrectionUnits", "kills", "deaths", "\"failure\":null"}) {
                assertTrue(json.contains(field), field + " in " + json);
            }
            Matcher rate = Pattern.compile("\"snapshotsPerSecond\":([0-9.]+)").matcher(json);
            assertTrue(rate.find() && Double.parseDouble(rate.group(1)) > 30, json);
        }
    }

    @Test
    void printsATableByDefault() throws Exception {
        try (UdpStandIn standIn = new UdpStandIn(3, TransportConfig.lan())) {
            BotCommandArgumentsTest.Run run = BotCommandArgumentsTest.run("--server", standIn.hostPort(),
                    "--duration", "500ms");
            assertEquals(CommandLine.ExitCode.OK, run.exitCode(), run.err());
            assertTrue(run.out().contains("rtt ms"), run.out());
            assertTrue(run.out().contains("bot-1"), run.out());
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith("total")), run.out());
        }
    }

    @Test
    void aFullServerEndsTheRunWithOneLineNamingServerAndReason() throws Exception {
        TransportConfig oneSlot = TransportConfig.lan().toBuilder().maxConnections(1).build();
        try (UdpStandIn standIn = new UdpStandIn(4, oneSlot)) {
            BotCommandArgumentsTest.Run run = BotCommandArgumentsTest.run("--server", standIn.hostPort(), "--count", "2",
                    "--duration", "5s");
            assertEquals(BotCommand.EXIT_FAILED, run.exitCode(), run.err());
            assertEquals("", run.out());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("skirmish bot: cannot join " + standIn.hostPort() + ": SERVER_FULL"), run.err());
            assertTrue(run.err().contains("[1 of 2 bots]"), run.err());
        }
    }
}
