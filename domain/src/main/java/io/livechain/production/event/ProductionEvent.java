package io.livechain.production.event;

import io.livechain.production.BatchId;

public sealed interface ProductionEvent
        permits ProductionRequested,
                ProductionRequestRevised,
                ProductionAccepted,
                ProductionRejected,
                ProductionStarted,
                ProductionCompleted,
                BatchShipped,
                BatchReceived {

    BatchId batchId();
}
