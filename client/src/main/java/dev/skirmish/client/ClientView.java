package dev.skirmish.client;

import dev.skirmish.game.GameConstants;
import dev.skirmish.game.map.GameMap;
import dev.skirmish.game.message.Chat;
import dev.skirmish.game.message.KillFeed;
import dev.skirmish.game.message.ScoreUpdate;

/**
 * Everything a renderer (or an {@link InputSource}) needs about the game as one client sees it: the
 * local player as predicted, the other players and rockets as interpolated at the render time, the
 * map, names, scoreboard, kill feed and chat, and the session's statistics.
 *
 * <h2>Ownership</h2>
 * A view has exactly one writer. {@link GameClient} owns a live view that it rewrites every tick on its
 * network thread ({@link GameClient#view()}); readers on that thread may use it between calls into the
 * client. Other threads never touch the live view: they take the latest published copy from
 * {@link GameClient#frames()}, which nobody writes while they hold it, or copy one with
 * {@link #copyFrom}. The setters are public for the client, for tests and for tools (demo playback)
 * that build views by hand; renderers only read.
 *
 * <p>Entries are preallocated for {@link GameConstants#MAX_PLAYERS} players and
 * {@link GameConstants#MAX_PROJECTILES} rockets; filling and copying a view never allocates.
 */
public final class ClientView {

    /** Kill feed lines kept. */
    public static final int KILL_FEED_LINES = 8;
    /** Chat lines kept. */
    public static final int CHAT_LINES = 8;

    private ClientPhase phase = ClientPhase.IDLE;
    private ClientFailure failure;
    private int localPlayerId = -1;
    private GameMap map;
    private int tickRateHz;
    private int newestSnapshotTick = -1;
    private double renderTick;
    private int lastCommandNumber = -1;
    private boolean localKnown;
    private final PlayerView local = new PlayerView();
    private final PlayerView[] others = new PlayerView[GameConstants.MAX_PLAYERS];
    private int otherCount;
    private final ProjectileView[] projectiles = new ProjectileView[GameConstants.MAX_PROJECTILES];
    private int projectileCount;
    private final String[] names = new String[GameConstants.MAX_PLAYERS];
    private final int[] scores = new int[GameConstants.MAX_PLAYERS];
    private final int[] kills = new int[GameConstants.MAX_PLAYERS];
    private final int[] deaths = new int[GameConstants.MAX_PLAYERS];
    private final RecentEvents<KillFeed> killFeed = new RecentEvents<>(KILL_FEED_LINES);
    private final RecentEvents<Chat> chat = new RecentEvents<>(CHAT_LINES);
    private ClientStats stats = ClientStats.EMPTY;

    /** An empty view: phase {@link ClientPhase#IDLE}, no map, nobody. */
    public ClientView() {
        for (int i = 0; i < others.length; i++) {
            others[i] = new PlayerView();
        }
        for (int i = 0; i < projectiles.length; i++) {
            projectiles[i] = new ProjectileView();
        }
    }

    /** Makes this view an exact copy of {@code other} (references to immutable parts are shared). */
    public ClientView copyFrom(ClientView other) {
        phase = other.phase;
        failure = other.failure;
        localPlayerId = other.localPlayerId;
        map = other.map;
        tickRateHz = other.tickRateHz;
        newestSnapshotTick = other.newestSnapshotTick;
        renderTick = other.renderTick;
        lastCommandNumber = other.lastCommandNumber;
        localKnown = other.localKnown;
        local.copyFrom(other.local);
        otherCount = other.otherCount;
        for (int i = 0; i < otherCount; i++) {
            others[i].copyFrom(other.others[i]);
        }
        projectileCount = other.projectileCount;
        for (int i = 0; i < projectileCount; i++) {
            projectiles[i].copyFrom(other.projectiles[i]);
        }
        System.arraycopy(other.names, 0, names, 0, names.length);
        System.arraycopy(other.scores, 0, scores, 0, scores.length);
        System.arraycopy(other.kills, 0, kills, 0, kills.length);
        System.arraycopy(other.deaths, 0, deaths, 0, deaths.length);
        killFeed.copyFrom(other.killFeed);
        chat.copyFrom(other.chat);
        stats = other.stats;
        return this;
    }

    // ---------------------------------------------------------------- session

    /** Where the session is. */
    public ClientPhase phase() {
        return phase;
    }

    /** Why the session failed, or null. */
    public ClientFailure failure() {
        return failure;
    }

    /** The local player's id, or -1 before the Welcome. */
    public int localPlayerId() {
        return localPlayerId;
    }

    /** The map being played, or null before it arrived. */
    public GameMap map() {
        return map;
    }

    /** The server's tick rate, or 0 before the Welcome. */
    public int tickRateHz() {
        return tickRateHz;
    }

    /** Tick of the newest snapshot received, or -1. */
    public int newestSnapshotTick() {
        return newestSnapshotTick;
    }

    /** The server tick (with fraction) at which the others are drawn: newest estimate minus the interpolation delay. */
    public double renderTick() {
        return renderTick;
    }

    /** Number of the last command sampled, or -1. */
    public int lastCommandNumber() {
        return lastCommandNumber;
    }

    /** The session's statistics as of the last refresh (a few times per second). */
    public ClientStats stats() {
        return stats;
    }

    /** Sets phase and failure. */
    public ClientView setPhase(ClientPhase phase, ClientFailure failure) {
        this.phase = phase;
        this.failure = failure;
        return this;
    }

    /** Sets the local player's id and the tick rate (from the Welcome). */
    public ClientView setSession(int localPlayerId, int tickRateHz) {
        this.localPlayerId = localPlayerId;
        this.tickRateHz = tickRateHz;
        return this;
    }

    /** Sets the map. */
    public ClientView setMap(GameMap map) {
        this.map = map;
        return this;
    }

    /** Sets the timeline: newest snapshot tick, render tick and last command number. */
    public ClientView setTimeline(int newestSnapshotTick, double renderTick, int lastCommandNumber) {
        this.newestSnapshotTick = newestSnapshotTick;
        this.renderTick = renderTick;
        this.lastCommandNumber = lastCommandNumber;
        return this;
    }

    /** Sets the statistics. */
    public ClientView setStats(ClientStats stats) {
        this.stats = stats;
        return this;
    }

    // ---------------------------------------------------------------- players and rockets

    /** Whether the local player's state is known (a snapshot with them arrived). */
    public boolean localKnown() {
        return localKnown;
    }

    /** The local player (predicted unless prediction is off); meaningful when {@link #localKnown()}. */
    public PlayerView local() {
        return local;
    }

    /** Marks whether {@link #local()} holds a known state. */
    public ClientView setLocalKnown(boolean known) {
        this.localKnown = known;
        return this;
    }

    /** Number of other players in view. */
    public int otherCount() {
        return otherCount;
    }

    /** Other player {@code index} (0..otherCount-1, ascending ids). */
    public PlayerView other(int index) {
        if (index < 0 || index >= otherCount) {
            throw new IndexOutOfBoundsException("other player " + index + " of " + otherCount);
        }
        return others[index];
    }

    /** Empties the list of other players. */
    public ClientView clearOthers() {
        otherCount = 0;
        return this;
    }

    /** Appends an entry for another player and returns it to be filled. */
    public PlayerView addOther() {
        if (otherCount == others.length) {
            throw new IllegalStateException("view already holds " + others.length + " other players");
        }
        return others[otherCount++];
    }

    /** Number of rockets in view. */
    public int projectileCount() {
        return projectileCount;
    }

    /** Rocket {@code index} (0..projectileCount-1). */
    public ProjectileView projectile(int index) {
        if (index < 0 || index >= projectileCount) {
            throw new IndexOutOfBoundsException("projectile " + index + " of " + projectileCount);
        }
        return projectiles[index];
    }

    /** Empties the list of rockets. */
    public ClientView clearProjectiles() {
        projectileCount = 0;
        return this;
    }

    /** Appends an entry for a rocket and returns it to be filled. */
    public ProjectileView addProjectile() {
        if (projectileCount == projectiles.length) {
            throw new IllegalStateException("view already holds " + projectiles.length + " projectiles");
        }
        return projectiles[projectileCount++];
    }

    // ---------------------------------------------------------------- scoreboard and feeds

    /** Name of player {@code id}, or null if nobody by that id is known. */
    public String playerName(int id) {
        return names[checkId(id)];
    }

    /** Score of player {@code id} from the latest score update (0 if none). */
    public int score(int id) {
        return scores[checkId(id)];
    }

    /** Kills of player {@code id} from the latest score update. */
    public int kills(int id) {
        return kills[checkId(id)];
    }

    /** Deaths of player {@code id} from the latest score update. */
    public int deaths(int id) {
        return deaths[checkId(id)];
    }

    /** Records that player {@code id} is called {@code name}; null removes them and their scores. */
    public ClientView setPlayerName(int id, String name) {
        names[checkId(id)] = name;
        if (name == null) {
            scores[id] = 0;
            kills[id] = 0;
            deaths[id] = 0;
        }
        return this;
    }

    /** Records a score update. */
    public ClientView applyScore(ScoreUpdate update) {
        int id = checkId(update.playerId());
        scores[id] = update.score();
        kills[id] = update.kills();
        deaths[id] = update.deaths();
        return this;
    }

    /** Kill feed lines held, at most {@link #KILL_FEED_LINES}. */
    public int killFeedSize() {
        return killFeed.size();
    }

    /** Kill feed line {@code age} (0 = newest). */
    public KillFeed killFeed(int age) {
        return killFeed.get(age);
    }

    /** Adds a kill feed line. */
    public ClientView addKill(KillFeed kill) {
        killFeed.add(kill);
        return this;
    }

    /** Chat lines held, at most {@link #CHAT_LINES}. */
    public int chatSize() {
        return chat.size();
    }

    /** Chat line {@code age} (0 = newest). */
    public Chat chat(int age) {
        return chat.get(age);
    }

    /** Adds a chat line. */
    public ClientView addChat(Chat line) {
        chat.add(line);
        return this;
    }

    private static int checkId(int id) {
        if (id < 0 || id >= GameConstants.MAX_PLAYERS) {
            throw new IllegalArgumentException("player id must be 0.." + (GameConstants.MAX_PLAYERS - 1) + ", got " + id);
        }
        return id;
    }
}
