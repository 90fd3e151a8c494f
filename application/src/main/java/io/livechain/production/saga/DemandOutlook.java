package io.livechain.production.saga;

import io.livechain.participant.ParticipantId;
import java.time.Duration;

/** What replenishment needs to know of the demand forecast. */
public interface DemandOutlook {

    /**
     * The stock a SKU should have on hand or on order to cover its lead time: the forecast's expected demand over
     * that time plus a safety stock (the forecast's upper bound minus its expectation). Zero without a forecast.
     */
    int reorderPoint(ParticipantId merchantId, String sku, Duration leadTime);
}
