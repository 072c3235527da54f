package dev.skirmish.client.window;

import dev.skirmish.client.ClientPhase;
import dev.skirmish.client.ClientStats;
import dev.skirmish.client.ClientView;
import dev.skirmish.client.PlayerView;
import dev.skirmish.client.ProjectileView;
import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.map.WallRect;
import dev.skirmish.game.message.KillFeed;

/**
 * Draws one frame of the game from a {@link ClientView} into a {@link ShapeBatch}: walls, players
 * (colour, facing, name, health bar), rockets, tracers of the local player's shots, hit markers,
 * death and respawn marks, the HUD bar, the kill feed, and on request the scoreboard, the net graph
 * and the menu; in demo playback, a ring around the followed player and the playback bar at the bottom. Effects are derived by comparing each frame's players with the previous frame's, on
 * the render thread, against the frame's own clock, so drawing is frame-rate independent.
 */
final class SceneRenderer {

    private static final long HIT_MARKER_NANOS = 250_000_000L;
    private static final long RESPAWN_RING_NANOS = 600_000_000L;
    private static final long TRACER_NANOS = 80_000_000L;
    private static final double TRACER_STEP_UNITS = 4;
    private static final double TEXT_SCALE = 2;

    private final int[] lastHealth = new int[GameConstants.MAX_PLAYERS];
    private final int[] lastSpawnSerial = new int[GameConstants.MAX_PLAYERS];
    private final boolean[] seen = new boolean[GameConstants.MAX_PLAYERS];
    private final long[] hitUntilNanos = new long[GameConstants.MAX_PLAYERS];
    private final long[] respawnUntilNanos = new long[GameConstants.MAX_PLAYERS];
    private long tracerUntilNanos;
    private double tracerFromX;
    private double tracerFromY;
    private double tracerToX;
    private double tracerToY;
    private double lastLocalCooldownSeconds;
    private final StringBuilder line = new StringBuilder(128);
    private final int[] order = new int[GameConstants.MAX_PLAYERS];

    /** What the window wants shown besides the game; one instance, refilled every frame (no allocation). */
    static final class Overlays {
        private boolean scoreboard;
        private boolean netGraph;
        private boolean menu;
        private double framesPerSecond;
        private String serverName = "";
        private int followedPlayerId = -1;
        private double followZoom = 1;
        private CharSequence playbackLine;

        /** Sets this frame's overlays; the playback ones are cleared (see {@link #playback}). */
        Overlays set(boolean scoreboard, boolean netGraph, boolean menu, double framesPerSecond, String serverName) {
            this.scoreboard = scoreboard;
            this.netGraph = netGraph;
            this.menu = menu;
            this.framesPerSecond = framesPerSecond;
            this.serverName = serverName;
            this.followedPlayerId = -1;
            this.followZoom = 1;
            this.playbackLine = null;
            return this;
        }

        /**
         * In demo playback: the player to mark (-1 none), how much closer than the whole map the camera
         * follows them (1: the whole map), and the playback bar's text.
         */
        Overlays playback(int followedPlayerId, double followZoom, CharSequence playbackLine) {
            this.followedPlayerId = followedPlayerId;
            this.followZoom = followZoom;
            this.playbackLine = playbackLine;
            return this;
        }

        int followedPlayerId() {
            return followedPlayerId;
        }

        /** The playback bar's text, or null outside playback. */
        CharSequence playbackLine() {
            return playbackLine;
        }

        boolean scoreboard() {
            return scoreboard;
        }

        boolean netGraph() {
            return netGraph;
        }

        boolean menu() {
            return menu;
        }

        double framesPerSecond() {
            return framesPerSecond;
        }

        String serverName() {
            return serverName;
        }
    }

    /** Draws {@code view} on a viewport of the given size at {@code nowNanos}; returns the camera used, or null before a map. */
    Camera draw(ShapeBatch batch, ClientView view, NetGraph graph, Overlays overlays, long nowNanos,
                int widthPixels, int heightPixels) {
        batch.begin(widthPixels, heightPixels);
        GameMap map = view.map();
        Camera camera = null;
        // The playback bar takes the bottom of the window as the HUD bar takes the top.
        int sceneHeightPixels = overlays.playbackLine() == null ? heightPixels : heightPixels - Camera.HUD_HEIGHT_PIXELS;
        if (map != null) {
            PlayerView followed = overlays.followZoom > 1 ? find(view, overlays.followedPlayerId()) : null;
            camera = followed == null ? Camera.fitting(map.width(), map.height(), widthPixels, sceneHeightPixels)
                    : Camera.following(map.width(), map.height(), widthPixels, sceneHeightPixels, followed.x(),
                            followed.y(), overlays.followZoom);
            trackEffects(view, nowNanos);
            drawWalls(batch, map, camera);
            drawProjectiles(batch, view, camera);
            drawTracer(batch, camera, nowNanos);
            for (int i = 0; i < view.otherCount(); i++) {
                drawPlayer(batch, view, view.other(i), camera, nowNanos);
            }
            if (view.localKnown()) {
                drawPlayer(batch, view, view.local(), camera, nowNanos);
            }
            drawFollowed(batch, view, overlays.followedPlayerId(), camera);
        }
        drawHud(batch, view, overlays, widthPixels);
        drawKillFeed(batch, view, widthPixels);
        if (view.phase() != ClientPhase.PLAYING) {
            drawStatus(batch, view, overlays, widthPixels, heightPixels);
        }
        if (overlays.scoreboard()) {
            drawScoreboard(batch, view, widthPixels);
        }
        if (overlays.netGraph()) {
            drawNetGraph(batch, graph, nowNanos, sceneHeightPixels);
        }
        if (overlays.menu()) {
            drawMenu(batch, widthPixels, heightPixels);
        }
        if (overlays.playbackLine() != null) {
            drawPlaybackBar(batch, overlays.playbackLine(), widthPixels, heightPixels);
        }
        batch.flush();
        return camera;
    }

    private void trackEffects(ClientView view, long nowNanos) {
        for (int i = 0; i < view.otherCount(); i++) {
            track(view.other(i), nowNanos);
        }
        if (view.localKnown()) {
            PlayerView local = view.local();
            track(local, nowNanos);
            // A cooldown that jumps up means the local player just fired.
            if (local.alive() && local.fireCooldownSeconds() > lastLocalCooldownSeconds + 1e-6) {
                startTracer(view.map(), local, nowNanos);
            }
            lastLocalCooldownSeconds = local.fireCooldownSeconds();
        }
    }

    private void track(PlayerView player, long nowNanos) {
        int id = player.id();
        if (seen[id]) {
            if (player.health() < lastHealth[id] && player.spawnSerial() == lastSpawnSerial[id]) {
                hitUntilNanos[id] = nowNanos + HIT_MARKER_NANOS;
            }
            if (player.spawnSerial() != lastSpawnSerial[id]) {
                respawnUntilNanos[id] = nowNanos + RESPAWN_RING_NANOS;
            }
        }
        seen[id] = true;
        lastHealth[id] = player.health();
        lastSpawnSerial[id] = player.spawnSerial();
    }

    private void startTracer(GameMap map, PlayerView shooter, long nowNanos) {
        double dx = Math.cos(shooter.aimAngle());
        double dy = Math.sin(shooter.aimAngle());
        double distance = GameConstants.PLAYER_RADIUS;
        while (distance < GameConstants.RIFLE_RANGE) {
            double x = shooter.x() + dx * distance;
            double y = shooter.y() + dy * distance;
            int column = (int) Math.floor(x / map.tileSize());
            int row = (int) Math.floor(y / map.tileSize());
            if (column < 0 || row < 0 || column >= map.columns() || row >= map.rows() || map.isWallTile(column, row)) {
                break;
            }
            distance += TRACER_STEP_UNITS;
        }
        tracerFromX = shooter.x() + dx * GameConstants.PLAYER_RADIUS;
        tracerFromY = shooter.y() + dy * GameConstants.PLAYER_RADIUS;
        tracerToX = shooter.x() + dx * distance;
        tracerToY = shooter.y() + dy * distance;
        tracerUntilNanos = nowNanos + TRACER_NANOS;
    }

    private static void drawWalls(ShapeBatch batch, GameMap map, Camera camera) {
        batch.colour(Palette.WALL_RGB);
        for (WallRect wall : map.walls()) {
            batch.rect(camera.screenX(wall.minX()), camera.screenY(wall.minY()),
                    camera.pixels(wall.maxX() - wall.minX()), camera.pixels(wall.maxY() - wall.minY()));
        }
    }

    private static void drawProjectiles(ShapeBatch batch, ClientView view, Camera camera) {
        for (int i = 0; i < view.projectileCount(); i++) {
            ProjectileView rocket = view.projectile(i);
            double x = camera.screenX(rocket.x());
            double y = camera.screenY(rocket.y());
            double tail = camera.pixels(GameConstants.ROCKET_RADIUS * 4);
            batch.colour(PlayerColors.rgb(rocket.ownerId()), 0.6f);
            batch.line(x, y, x - Math.cos(rocket.angle()) * tail, y - Math.sin(rocket.angle()) * tail,
                    Math.max(2, camera.pixels(GameConstants.ROCKET_RADIUS)));
            batch.colour(Palette.SHOT_RGB);
            batch.circle(x, y, Math.max(2, camera.pixels(GameConstants.ROCKET_RADIUS)));
        }
    }

    private void drawTracer(ShapeBatch batch, Camera camera, long nowNanos) {
        if (nowNanos - tracerUntilNanos >= 0) {
            return;
        }
        batch.colour(Palette.SHOT_RGB, 0.8f);
        batch.line(camera.screenX(tracerFromX), camera.screenY(tracerFromY),
                camera.screenX(tracerToX), camera.screenY(tracerToY), 2);
    }

    private void drawPlayer(ShapeBatch batch, ClientView view, PlayerView player, Camera camera, long nowNanos) {
        double x = camera.screenX(player.x());
        double y = camera.screenY(player.y());
        double radius = Math.max(3, camera.pixels(GameConstants.PLAYER_RADIUS));
        int rgb = PlayerColors.rgb(player.id());
        if (!player.alive()) {
            batch.colour(rgb, 0.5f);
            batch.line(x - radius, y - radius, x + radius, y + radius, 3);
            batch.line(x - radius, y + radius, x + radius, y - radius, 3);
            return;
        }
        long respawnLeft = respawnUntilNanos[player.id()] - nowNanos;
        if (respawnLeft > 0) {
            double grown = radius * (1 + 2.0 * (RESPAWN_RING_NANOS - respawnLeft) / RESPAWN_RING_NANOS);
            batch.colour(rgb, 0.35f);
            batch.circle(x, y, grown);
        }
        batch.colour(rgb);
        batch.circle(x, y, radius);
        batch.colour(Palette.TEXT_RGB);
        batch.line(x, y, x + Math.cos(player.aimAngle()) * radius * 1.6, y + Math.sin(player.aimAngle()) * radius * 1.6, 3);
        double barWidth = radius * 2;
        double barY = y - radius - 8;
        batch.colour(Palette.DAMAGE_RGB);
        batch.rect(x - radius, barY, barWidth, 4);
        batch.colour(Palette.HEALTH_RGB);
        batch.rect(x - radius, barY, barWidth * Math.max(0, player.health()) / GameConstants.MAX_HEALTH, 4);
        String name = view.playerName(player.id());
        if (name != null) {
            batch.colour(Palette.TEXT_RGB);
            batch.text(x - ShapeBatch.textWidth(name, 1) / 2, barY - 10, 1, name);
        }
        if (nowNanos - hitUntilNanos[player.id()] < 0) {
            double arm = radius * 0.9;
            batch.colour(0xFFFFFF);
            batch.line(x - arm * 1.8, y - arm * 1.8, x - arm, y - arm, 2);
            batch.line(x + arm * 1.8, y - arm * 1.8, x + arm, y - arm, 2);
            batch.line(x - arm * 1.8, y + arm * 1.8, x - arm, y + arm, 2);
            batch.line(x + arm * 1.8, y + arm * 1.8, x + arm, y + arm, 2);
        }
    }

    /** Player {@code playerId} as the view draws them (the local player or one of the others), or null. */
    private static PlayerView find(ClientView view, int playerId) {
        if (view.localKnown() && view.local().id() == playerId) {
            return view.local();
        }
        for (int i = 0; i < view.otherCount(); i++) {
            if (view.other(i).id() == playerId) {
                return view.other(i);
            }
        }
        return null;
    }

    /** A ring around the followed player, wherever the view has them. */
    private static void drawFollowed(ShapeBatch batch, ClientView view, int playerId, Camera camera) {
        PlayerView followed = find(view, playerId);
        if (followed == null) {
            return;
        }
        double x = camera.screenX(followed.x());
        double y = camera.screenY(followed.y());
        double radius = Math.max(3, camera.pixels(GameConstants.PLAYER_RADIUS)) * 1.8;
        batch.colour(Palette.TEXT_RGB, 0.9f);
        int segments = 24;
        for (int i = 0; i < segments; i++) {
            double a = 2 * Math.PI * i / segments;
            double b = 2 * Math.PI * (i + 1) / segments;
            batch.line(x + Math.cos(a) * radius, y + Math.sin(a) * radius, x + Math.cos(b) * radius,
                    y + Math.sin(b) * radius, 2);
        }
    }

    private static void drawPlaybackBar(ShapeBatch batch, CharSequence text, int widthPixels, int heightPixels) {
        batch.colour(Palette.HUD_BAR_RGB, 0.85f);
        batch.rect(0, heightPixels - Camera.HUD_HEIGHT_PIXELS, widthPixels, Camera.HUD_HEIGHT_PIXELS);
        batch.colour(Palette.TEXT_RGB);
        batch.text(8, heightPixels - Camera.HUD_HEIGHT_PIXELS + 7, TEXT_SCALE, text);
    }

    private void drawHud(ShapeBatch batch, ClientView view, Overlays overlays, int widthPixels) {
        batch.colour(Palette.HUD_BAR_RGB);
        batch.rect(0, 0, widthPixels, Camera.HUD_HEIGHT_PIXELS);
        ClientStats stats = view.stats();
        long seconds = stats.playingNanos() / 1_000_000_000L;
        line.setLength(0);
        // In playback the HUD is about the followed player; live, about the local one.
        int id = overlays.followedPlayerId() >= 0 ? overlays.followedPlayerId() : view.localPlayerId();
        PlayerView shown = overlays.followedPlayerId() >= 0 ? find(view, id) : view.localKnown() ? view.local() : null;
        if (shown != null) {
            line.append("HP ").append(shown.alive() ? shown.health() : 0);
        } else {
            line.append("HP -");
        }
        line.append("   Score ").append(id >= 0 ? view.score(id) : 0)
                .append("   Time ").append(seconds / 60).append(':').append(seconds % 60 < 10 ? "0" : "").append(seconds % 60)
                .append("   Ping ").append(Math.round(stats.rttMillis())).append(" ms")
                .append("   Loss ").append(Math.round(stats.lossPercent() * 10) / 10.0).append('%')
                .append("   ").append(Math.round(overlays.framesPerSecond())).append(" fps");
        if (shown != null) {
            line.append("   ").append(shown.weapon());
        }
        batch.colour(Palette.TEXT_RGB);
        batch.text(8, 7, TEXT_SCALE, line);
    }

    private void drawKillFeed(ShapeBatch batch, ClientView view, int widthPixels) {
        double y = Camera.HUD_HEIGHT_PIXELS + 6;
        for (int age = 0; age < Math.min(5, view.killFeedSize()); age++) {
            KillFeed kill = view.killFeed(age);
            line.setLength(0);
            line.append(nameOf(view, kill.killerId())).append(" [").append(kill.weapon()).append("] ")
                    .append(nameOf(view, kill.victimId()));
            double width = ShapeBatch.textWidth(line, 1.5);
            batch.colour(0x000000, 0.5f);
            batch.rect(widthPixels - width - 14, y - 2, width + 8, 14);
            batch.colour(Palette.TEXT_RGB);
            batch.text(widthPixels - width - 10, y, 1.5, line);
            y += 16;
        }
    }

    private static String nameOf(ClientView view, int id) {
        String name = id >= 0 && id < GameConstants.MAX_PLAYERS ? view.playerName(id) : null;
        return name != null ? name : "#" + id;
    }

    private void drawStatus(ShapeBatch batch, ClientView view, Overlays overlays, int widthPixels, int heightPixels) {
        line.setLength(0);
        switch (view.phase()) {
            case FAILED -> line.append("Disconnected: ").append(view.failure() == null ? "failed" : view.failure().describe());
            case CLOSING, CLOSED -> line.append("Left the server");
            default -> line.append("Connecting to ").append(overlays.serverName()).append(" ...");
        }
        double width = ShapeBatch.textWidth(line, TEXT_SCALE);
        batch.colour(Palette.TEXT_RGB);
        batch.text((widthPixels - width) / 2, heightPixels / 2.0, TEXT_SCALE, line);
    }

    private void drawScoreboard(ShapeBatch batch, ClientView view, int widthPixels) {
        int count = 0;
        for (int id = 0; id < GameConstants.MAX_PLAYERS; id++) {
            if (view.playerName(id) != null) {
                order[count++] = id;
            }
        }
        for (int i = 1; i < count; i++) {
            int id = order[i];
            int j = i - 1;
            while (j >= 0 && view.score(order[j]) < view.score(id)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = id;
        }
        String header = "Player              Score  Kills  Deaths";
        double width = ShapeBatch.textWidth(header, TEXT_SCALE) + 24;
        double x = (widthPixels - width) / 2;
        double y = Camera.HUD_HEIGHT_PIXELS + 40;
        batch.colour(0x000000, 0.8f);
        batch.rect(x, y, width, 40 + count * 20);
        batch.colour(Palette.TEXT_RGB);
        batch.text(x + 12, y + 10, TEXT_SCALE, header);
        for (int i = 0; i < count; i++) {
            int id = order[i];
            line.setLength(0);
            line.append(view.playerName(id));
            pad(20);
            line.append(view.score(id));
            pad(27);
            line.append(view.kills(id));
            pad(34);
            line.append(view.deaths(id));
            batch.colour(id == view.localPlayerId() ? PlayerColors.rgb(id) : Palette.TEXT_RGB);
            batch.text(x + 12, y + 34 + i * 20, TEXT_SCALE, line);
        }
    }

    private void pad(int column) {
        do {
            line.append(' ');
        } while (line.length() < column);
    }

    private void drawNetGraph(ShapeBatch batch, NetGraph graph, long nowNanos, int heightPixels) {
        NetGraph.Series[] series = NetGraph.Series.values();
        double rowHeight = 30;
        double plotWidth = NetGraph.SAMPLES * 3;
        double width = 110 + plotWidth + 10;
        double height = series.length * rowHeight + 8;
        double top = heightPixels - height - 4;
        batch.colour(0x000000, 0.7f);
        batch.rect(4, top, width, height);
        for (int s = 0; s < series.length; s++) {
            NetGraph.Series each = series[s];
            double rowTop = top + 4 + s * rowHeight;
            double max = Math.max(1e-9, graph.max(each));
            line.setLength(0);
            line.append(each.label()).append(' ').append(Math.round(graph.latest(each) * 10) / 10.0);
            batch.colour(Palette.TEXT_RGB);
            batch.text(10, rowTop + 8, 1.2, line);
            batch.colour(PlayerColors.rgb(s + 3), 0.9f);
            for (int i = 0; i < graph.size(); i++) {
                double barHeight = (rowHeight - 6) * Math.max(0, graph.value(each, i)) / max;
                batch.rect(114 + i * 3, rowTop + rowHeight - 4 - barHeight, 2, barHeight);
            }
        }
    }

    private static void drawMenu(ShapeBatch batch, int widthPixels, int heightPixels) {
        batch.colour(0x000000, 0.6f);
        batch.rect(0, 0, widthPixels, heightPixels);
        String title = "Menu:  Esc quits,  Enter resumes";
        batch.colour(Palette.TEXT_RGB);
        batch.text((widthPixels - ShapeBatch.textWidth(title, TEXT_SCALE)) / 2, heightPixels / 2.0, TEXT_SCALE, title);
    }
}
