package io.livechain.delivery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.delivery.command.ClaimDelivery;
import io.livechain.delivery.command.ConfirmReturn;
import io.livechain.delivery.command.DeliverParcel;
import io.livechain.delivery.command.OfferDelivery;
import io.livechain.delivery.command.PickUpDelivery;
import io.livechain.delivery.command.ReportFailedAttempt;
import io.livechain.delivery.event.ClaimExpired;
import io.livechain.delivery.event.DeliveryAttemptFailed;
import io.livechain.delivery.event.DeliveryClaimed;
import io.livechain.delivery.event.DeliveryCompleted;
import io.livechain.delivery.event.DeliveryEvent;
import io.livechain.delivery.event.DeliveryGivenUp;
import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.delivery.event.DeliveryPickedUp;
import io.livechain.delivery.event.ReturnConfirmed;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Zone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * Getting a packed order to the buyer's door. Offered to the couriers of the buyer's zone, claimed by exactly one,
 * picked up, then delivered with proof — or a failed attempt, after which it is offered again. After
 * {@value #MAX_ATTEMPTS} failed attempts it goes back to the warehouse. A claim not picked up in time lapses and the
 * delivery is offered again; the courier whose claim lapsed waits a while before it may claim it again. Proof of
 * delivery is the buyer's code, of which the delivery keeps only a hash ({@link DeliveryCode}).
 */
public class Delivery {

    public static final int MAX_ATTEMPTS = 3;
    private static final char CLAIM_SEPARATOR = '#';

    public static final String CLAIM_TIMEOUT = "claim-timeout";

    /** The identifier as a string: the claim-timeout deadline stores it and must find the delivery after a restart. */
    @AggregateIdentifier
    private String id;

    private DeliveryId deliveryId;
    private OrderId orderId;
    private ParticipantId warehouseId;
    private String zone;
    private DeliveryStatus status;
    private ParticipantId courierId;
    private int failedAttempts;
    private int claims;
    /** The hash of the buyer's code; null for deliveries offered before codes existed, which take any code. */
    private String codeHash;
    /** Whose claim lapsed last, and when: that courier waits before claiming again. */
    private ParticipantId lapsedCourier;

    private Instant lapsedAt;

    protected Delivery() {}

    @CommandHandler
    public Delivery(OfferDelivery command) {
        if (command.zone() == null || command.zone().isBlank()) {
            throw new InvalidDelivery("a delivery needs the buyer's zone");
        }
        if (command.codeHash() == null || command.codeHash().isBlank()) {
            throw new InvalidDelivery("a delivery needs the hash of the buyer's delivery code");
        }
        apply(new DeliveryOffered(
                command.deliveryId(),
                command.orderId(),
                command.merchantId(),
                command.warehouseId(),
                command.zone(),
                command.parcels(),
                command.codeHash()));
    }

    /**
     * Whether the claim changes anything (not when the same courier asks again); throws the rule it breaks. Decides
     * without changing anything, so that a caller can weigh other rules (the courier's open claims) first.
     */
    public boolean checkClaim(ClaimDelivery command) {
        if (!servesZone(command.courierZones())) {
            throw new DeliveryNotFound(); // not for this courier's eyes, whatever its state
        }
        if (isHeldBy(command.courierId())) {
            return false; // the same courier asking twice
        }
        checkedTimeout(command.claimTimeout());
        if (status != DeliveryStatus.OFFERED) {
            if (status == DeliveryStatus.CLAIMED || status == DeliveryStatus.PICKED_UP) {
                throw new DeliveryAlreadyClaimed();
            }
            throw new DeliveryTransitionNotAllowed(status, "claimed");
        }
        if (command.courierId().equals(lapsedCourier) && lapsedAt != null && command.at() != null) {
            Instant claimableAgainAt = lapsedAt.plus(checkedCooldown(command.reclaimCooldown()));
            if (command.at().isBefore(claimableAgainAt)) {
                throw new ReclaimTooSoon(claimableAgainAt);
            }
        }
        return true;
    }

    @CommandHandler
    public void handle(ClaimDelivery command, DeadlineManager deadlines) {
        if (!checkClaim(command)) {
            return;
        }
        apply(new DeliveryClaimed(deliveryId, orderId, command.courierId()));
        // names this claim (courier and how many claims the delivery has had), so that it expires this claim only
        deadlines.schedule(
                command.claimTimeout(), CLAIM_TIMEOUT, command.courierId().toString() + CLAIM_SEPARATOR + claims);
    }

    /** Whether the courier has claimed this delivery and not yet delivered or given it back. */
    public boolean isHeldBy(ParticipantId courier) {
        return (status == DeliveryStatus.CLAIMED || status == DeliveryStatus.PICKED_UP) && courier.equals(courierId);
    }

    /** Whether the courier serves the delivery's zone (zones compare case-blind). */
    private boolean servesZone(List<String> courierZones) {
        return courierZones.stream().map(Zone::fold).anyMatch(zone::equals);
    }

    /**
     * Claimed but not picked up in time: the delivery goes back on offer. A timeout of a claim that was picked up
     * meanwhile, or of an earlier claim, changes nothing; so pickup need not cancel it (db-scheduler cancels by scope
     * only by reading every pending deadline).
     */
    @DeadlineHandler(deadlineName = CLAIM_TIMEOUT)
    void claimTimedOut(String claim) {
        int separator = claim.indexOf(CLAIM_SEPARATOR);
        String claimant = separator < 0 ? claim : claim.substring(0, separator);
        // deadlines set before claims were numbered name the courier only
        boolean thisClaim = separator < 0 || Integer.parseInt(claim.substring(separator + 1)) == claims;
        if (status == DeliveryStatus.CLAIMED && courierId.toString().equals(claimant) && thisClaim) {
            apply(new ClaimExpired(deliveryId, orderId, courierId));
        }
    }

    @CommandHandler
    public void handle(PickUpDelivery command) {
        requireCourier(command.courierId());
        if (status == DeliveryStatus.PICKED_UP) {
            return;
        }
        requireStatus(DeliveryStatus.CLAIMED, "picked up");
        apply(new DeliveryPickedUp(deliveryId, orderId, courierId));
    }

    @CommandHandler
    public void handle(DeliverParcel command) {
        requireCourier(command.courierId());
        if (status == DeliveryStatus.DELIVERED) {
            return;
        }
        requireStatus(DeliveryStatus.PICKED_UP, "delivered");
        if (codeHash != null && !DeliveryCode.matches(deliveryId, command.code(), codeHash)) {
            throw new DeliveryCodeMismatch();
        }
        apply(new DeliveryCompleted(deliveryId, orderId, courierId, command.recipientName(), command.code()));
    }

    @CommandHandler
    public void handle(ReportFailedAttempt command) {
        requireCourier(command.courierId());
        requireStatus(DeliveryStatus.PICKED_UP, "reported as failed");
        int attempt = failedAttempts + 1;
        apply(new DeliveryAttemptFailed(deliveryId, orderId, courierId, command.reason(), attempt));
        if (attempt >= MAX_ATTEMPTS) {
            apply(new DeliveryGivenUp(deliveryId, orderId, warehouseId, attempt));
        } else {
            apply(new DeliveryOffered(deliveryId, orderId, null, warehouseId, zone, 0, null));
        }
    }

    /** The warehouse has the parcel back. */
    @CommandHandler
    public void handle(ConfirmReturn command) {
        if (!warehouseId.equals(command.warehouseId())) {
            throw new DeliveryNotFound();
        }
        if (status == DeliveryStatus.RETURNED) {
            return;
        }
        requireStatus(DeliveryStatus.RETURNING, "confirmed as returned");
        apply(new ReturnConfirmed(deliveryId, orderId, warehouseId));
    }

    private void requireCourier(ParticipantId courier) {
        if (courierId == null || !courierId.equals(courier)) {
            throw new DeliveryNotFound();
        }
    }

    private void requireStatus(DeliveryStatus expected, String action) {
        if (status != expected) {
            throw new DeliveryTransitionNotAllowed(status, action);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Every event of the family, by a switch over the sealed type: a new event does not compile until handled here. */
    @EventSourcingHandler
    void on(DeliveryEvent event, @Timestamp Instant at) {
        switch (event) {
            case DeliveryOffered deliveryOffered -> on(deliveryOffered);
            case DeliveryClaimed deliveryClaimed -> on(deliveryClaimed);
            case ClaimExpired claimExpired -> on(claimExpired, at);
            case DeliveryPickedUp deliveryPickedUp -> on(deliveryPickedUp);
            case DeliveryCompleted deliveryCompleted -> on(deliveryCompleted);
            case DeliveryAttemptFailed deliveryAttemptFailed -> on(deliveryAttemptFailed);
            case DeliveryGivenUp deliveryGivenUp -> on(deliveryGivenUp);
            case ReturnConfirmed returnConfirmed -> on(returnConfirmed);
        }
    }

    void on(DeliveryOffered event) {
        if (deliveryId == null) {
            id = event.deliveryId().toString();
            deliveryId = event.deliveryId();
            orderId = event.orderId();
            warehouseId = event.warehouseId();
            zone = Zone.fold(event.zone()); // offers stored before zones were folded
            codeHash = event.codeHash();
        }
        status = DeliveryStatus.OFFERED;
        courierId = null;
    }

    void on(DeliveryClaimed event) {
        status = DeliveryStatus.CLAIMED;
        courierId = event.courierId();
        claims++;
    }

    void on(ClaimExpired event, @Timestamp Instant expiredAt) {
        status = DeliveryStatus.OFFERED;
        courierId = null;
        lapsedCourier = event.courierId();
        lapsedAt = expiredAt;
    }

    void on(DeliveryPickedUp event) {
        status = DeliveryStatus.PICKED_UP;
    }

    void on(DeliveryCompleted event) {
        status = DeliveryStatus.DELIVERED;
    }

    void on(DeliveryAttemptFailed event) {
        failedAttempts = event.attempt();
    }

    void on(DeliveryGivenUp event) {
        status = DeliveryStatus.RETURNING;
    }

    void on(ReturnConfirmed event) {
        status = DeliveryStatus.RETURNED;
    }

    public DeliveryStatus status() {
        return status;
    }

    public DeliveryId deliveryId() {
        return deliveryId;
    }

    public OrderId orderId() {
        return orderId;
    }

    public ParticipantId warehouseId() {
        return warehouseId;
    }

    /** The wait after a lapsed claim comes from configuration; a negative one makes no sense. */
    public static Duration checkedCooldown(Duration cooldown) {
        if (cooldown == null || cooldown.isNegative()) {
            throw new InvalidDelivery("the reclaim cooldown must not be negative");
        }
        return cooldown;
    }

    /** Claim timeouts come from configuration; a non-positive one would never let a claim lapse. */
    public static Duration checkedTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidDelivery("the claim timeout must be positive");
        }
        return timeout;
    }
}
