package io.livechain.sales.command;

import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleLiveStream(
        @TargetAggregateIdentifier LiveStreamId liveStreamId,
        ParticipantId merchantId,
        String title,
        Instant startsAt,
        Instant endsAt,
        int paymentWindowMinutes,
        List<OfferTerms> offers)
        implements DeskCommand {

    public ScheduleLiveStream {
        offers = offers == null ? List.of() : List.copyOf(offers);
    }
}
