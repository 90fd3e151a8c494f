package io.livechain.sales;

public enum LiveStreamStatus {
    SCHEDULED,
    LIVE,
    ENDED
}
