package dev.skirmish.replay.analysis;

/** Which way a datagram or message travelled on a connection. */
public enum Direction {
    CLIENT_TO_SERVER("client->server"),
    SERVER_TO_CLIENT("server->client");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
