package io.livechain.demo;

/** Where the demo's live stream can be watched: its war room page, and the merchant key to log in with. */
public record WarRoomLink(String url, String liveStreamId, String merchantKey) {}
