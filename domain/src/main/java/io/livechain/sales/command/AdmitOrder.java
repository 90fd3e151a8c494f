package io.livechain.sales.command;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.RequestedLine;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The offers take an order's units, at {@code at}: within each offer's quantity and the buyer's limit, while live. */
public record AdmitOrder(
        @TargetAggregateIdentifier LiveStreamId liveStreamId,
        ParticipantId merchantId,
        OrderId orderId,
        String buyerId,
        List<RequestedLine> lines,
        Instant at)
        implements DeskCommand {

    public AdmitOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
