package dev.skirmish.client.bot;

import dev.skirmish.cli.JsonWriter;

import java.time.Duration;

/**
 * The bot report as one JSON object on one line, for scripts and benchmarks.
 *
 * <pre>
 * {
 *   "server": "127.0.0.1:7777",        the server, as host:port
 *   "durationMillis": 30000,            the requested play time
 *   "seed": 1,                          the fleet's seed (bot i used seed + i)
 *   "bots": [                           one object per bot, in bot order:
 *     { "name": "bot-1",                  player name
 *       "playerId": 0,                    id given by the server, -1 if it never joined
 *       "rttMillis": 1.234,               smoothed round-trip time
 *       "lossPercent": 0.0,               ack-eliciting packets declared lost, percent
 *       "snapshotsPerSecond": 59.9,       snapshots received per second of play
 *       "kbpsDown": 25.1, "kbpsUp": 9.8,  kilobits (1000 bits) per second received / sent
 *       "corrections": 0,                 prediction corrections
 *       "largestCorrectionUnits": 0.0,    largest correction, world units
 *       "kills": 3, "deaths": 1,
 *       "failure": null },                why the session failed, or null
 *   ],
 *   "total": { ...the same fields without name and playerId, plus "bots" (count) and
 *              "failures" (count); rttMillis and lossPercent are means, largestCorrectionUnits
 *              the maximum, the rest sums }
 * }
 * </pre>
 */
final class BotReportJson {

    private BotReportJson() {
    }

    static String render(BotReport report, Duration duration) {
        JsonWriter json = new JsonWriter().beginObject()
                .member("server", report.server().getHostString() + ":" + report.server().getPort())
                .member("durationMillis", duration.toMillis())
                .member("seed", report.seed());
        json.name("bots").beginArray();
        for (BotStatsLine line : report.lines()) {
            json.beginObject().member("name", line.label()).member("playerId", line.playerId());
            figures(json, line);
            json.member("failure", line.failure().isEmpty() ? null : line.failure()).endObject();
        }
        json.endArray();
        BotStatsLine total = report.total();
        json.name("total").beginObject().member("bots", report.bots().size());
        figures(json, total);
        json.member("failures", report.failures()).endObject();
        return json.endObject().toString();
    }

    private static void figures(JsonWriter json, BotStatsLine line) {
        json.member("rttMillis", line.rttMillis(), 3)
                .member("lossPercent", line.lossPercent(), 3)
                .member("snapshotsPerSecond", line.snapshotsPerSecond(), 2)
                .member("kbpsDown", line.kilobitsPerSecondDown(), 2)
                .member("kbpsUp", line.kilobitsPerSecondUp(), 2)
                .member("corrections", line.corrections())
                .member("largestCorrectionUnits", line.largestCorrectionUnits(), 3)
                .member("kills", line.kills())
                .member("deaths", line.deaths());
    }
}
