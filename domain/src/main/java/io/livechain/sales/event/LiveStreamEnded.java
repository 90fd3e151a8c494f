package io.livechain.sales.event;

import io.livechain.shared.LiveStreamId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record LiveStreamEnded(LiveStreamId liveStreamId) implements LiveStreamEvent {}
