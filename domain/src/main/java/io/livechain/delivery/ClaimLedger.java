package io.livechain.delivery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.delivery.command.ReleaseClaim;
import io.livechain.delivery.command.TakeClaim;
import io.livechain.delivery.event.ClaimLedgerEvent;
import io.livechain.delivery.event.ClaimReleased;
import io.livechain.delivery.event.ClaimTaken;
import io.livechain.participant.ParticipantId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The deliveries one courier has claimed and not yet delivered: a courier holds at most a limited number at once, so
 * that no one courier can sit on every parcel of a zone. Every claim of the courier passes here, so two claims at
 * once cannot both slip under the limit (the second one conflicts on this ledger's sequence). See ADR 0008.
 */
public class ClaimLedger {

    @AggregateIdentifier
    private ClaimLedgerId ledgerId;

    private ParticipantId courierId;
    private final Set<DeliveryId> held = new LinkedHashSet<>();

    /** For Axon (rebuilt from its events), and for a courier's first claim. */
    public ClaimLedger() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(TakeClaim command) {
        if (ledgerId != null && !command.courierId().equals(courierId)) {
            throw new IllegalArgumentException("a ledger counts the claims of its own courier only");
        }
        if (held.contains(command.deliveryId())) {
            return; // counted already
        }
        if (held.size() >= command.limit()) {
            throw new ClaimLimitReached(command.limit());
        }
        apply(new ClaimTaken(command.ledgerId(), command.courierId(), command.deliveryId()));
    }

    @CommandHandler
    public void handle(ReleaseClaim command) {
        if (held.contains(command.deliveryId())) {
            apply(new ClaimReleased(ledgerId, courierId, command.deliveryId()));
        }
    }

    /** Every event of the family, by a switch over the sealed type: a new event does not compile until handled here. */
    @EventSourcingHandler
    void on(ClaimLedgerEvent event) {
        switch (event) {
            case ClaimTaken claimTaken -> on(claimTaken);
            case ClaimReleased claimReleased -> on(claimReleased);
        }
    }

    void on(ClaimTaken event) {
        ledgerId = event.ledgerId();
        courierId = event.courierId();
        held.add(event.deliveryId());
    }

    void on(ClaimReleased event) {
        held.remove(event.deliveryId());
    }

    /** The deliveries counted as open claims, oldest first. */
    public List<DeliveryId> held() {
        return List.copyOf(held);
    }
}
