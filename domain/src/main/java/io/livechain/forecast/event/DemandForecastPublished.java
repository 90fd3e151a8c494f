package io.livechain.forecast.event;

import io.livechain.forecast.Period;
import io.livechain.participant.ParticipantId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The platform told the product's factory a new demand forecast for the merchant's SKU: the first one, or one that
 * differs enough from the last one told to plan differently on. What the factory was told, and when, is part of the
 * audit trail: a production plan can be traced to the forecast it was made on.
 *
 * @param hourly the next 24 hours, from the hour after the history
 * @param daily the next 14 UTC calendar days
 */
@Revision("1")
public record DemandForecastPublished(
        ParticipantId merchantId,
        String sku,
        ParticipantId factoryId,
        Instant generatedAt,
        List<Period> hourly,
        List<Period> daily)
        implements ForecastEvent {

    public DemandForecastPublished {
        hourly = List.copyOf(hourly);
        daily = List.copyOf(daily);
    }
}
