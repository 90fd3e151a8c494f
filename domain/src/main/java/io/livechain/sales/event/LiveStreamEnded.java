package io.livechain.sales.event;

import io.livechain.sales.LiveStreamId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record LiveStreamEnded(LiveStreamId liveStreamId) implements LiveStreamEvent {}
