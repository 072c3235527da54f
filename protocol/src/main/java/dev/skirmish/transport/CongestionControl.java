package dev.skirmish.transport;

/** Which congestion controller a connection runs. */
public enum CongestionControl {
    /** NewReno (RFC 9002 §7) with pacing: for the internet, where the path is shared. */
    NEW_RENO,
    /** No congestion window and no pacing: the LAN profile, where the path is ours alone. */
    NONE
}
