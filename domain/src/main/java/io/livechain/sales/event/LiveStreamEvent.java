package io.livechain.sales.event;

import io.livechain.shared.LiveStreamId;

public sealed interface LiveStreamEvent
        permits LiveStreamScheduled, LiveStreamStarted, LiveStreamEnded, OrderAdmitted, OrderUnitsReturned {

    LiveStreamId liveStreamId();
}
