package io.livechain.sales.event;

import io.livechain.shared.LiveStreamId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record LiveStreamStarted(LiveStreamId liveStreamId) implements LiveStreamEvent {}
