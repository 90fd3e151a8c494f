package io.livechain.sales.event;

import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.shared.LiveStreamId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record LiveStreamScheduled(
        LiveStreamId liveStreamId,
        ParticipantId merchantId,
        String title,
        Instant startsAt,
        Instant endsAt,
        int paymentWindowMinutes,
        List<OfferTerms> offers)
        implements LiveStreamEvent {}
