package io.livechain.delivery.claim;

import io.livechain.delivery.ClaimLedger;
import io.livechain.delivery.ClaimLedgerId;
import io.livechain.delivery.Delivery;
import io.livechain.delivery.DeliveryId;
import io.livechain.delivery.DeliveryNotFound;
import io.livechain.delivery.command.ClaimDelivery;
import io.livechain.delivery.command.ReleaseClaim;
import io.livechain.delivery.command.TakeClaim;
import io.livechain.participant.ParticipantId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Decides a courier's claim on two aggregates in one unit of work (one transaction): the delivery (first courier of
 * the zone wins) and the courier's {@link ClaimLedger} (at most {@link ClaimRules#maxOpenClaims()} open claims).
 *
 * <p>The ledger learns that a claim ended (delivered, reported as failed, lapsed) from the delivery itself, here,
 * when the courier next claims: each delivery it counts is asked whether the courier still holds it, and those it
 * does not are released. So the count is exact when it matters, without a process that could lag behind; and since
 * every claim of a courier appends to its ledger, two claims at once cannot both slip under the limit. ADR 0008.
 */
public class DeliveryClaims {

    private final Supplier<Repository<Delivery>> deliveries;
    private final Supplier<Repository<ClaimLedger>> ledgers;
    private final ClaimRules rules;

    public DeliveryClaims(
            Supplier<Repository<Delivery>> deliveries, Supplier<Repository<ClaimLedger>> ledgers, ClaimRules rules) {
        this.deliveries = deliveries;
        this.ledgers = ledgers;
        this.rules = rules;
    }

    @CommandHandler
    public void handle(ClaimWithinLimit command, DeadlineManager deadlineManager) {
        ParticipantId courier = command.courierId();
        DeliveryId target = command.deliveryId();
        ClaimLedgerId ledgerId = ClaimLedgerId.of(courier);
        Optional<Aggregate<ClaimLedger>> ledger = load(ledgers.get(), ledgerId.toString());
        List<DeliveryId> counted =
                ledger.map(found -> found.invoke(ClaimLedger::held)).orElse(List.of());
        // every aggregate this claim reads is locked in one order (the ledger, then deliveries by id), so that two
        // claims at once never wait for each other
        Map<DeliveryId, Optional<Aggregate<Delivery>>> deliveriesRead = new LinkedHashMap<>();
        Stream.concat(counted.stream(), Stream.of(target))
                .distinct()
                .sorted(Comparator.comparing(DeliveryId::value))
                .forEach(id -> deliveriesRead.put(id, load(deliveries.get(), id.toString())));
        Aggregate<Delivery> delivery = deliveriesRead.get(target).orElseThrow(DeliveryNotFound::new);
        ClaimDelivery claim = new ClaimDelivery(
                target, courier, command.courierZones(), rules.claimTimeout(), rules.reclaimCooldown(), command.at());
        // the delivery's own rules first: whether the courier may see it, and whether someone else was first
        if (!delivery.invoke(found -> found.checkClaim(claim))) {
            return; // the same courier asking again
        }
        TakeClaim take = new TakeClaim(ledgerId, courier, target, rules.maxOpenClaims());
        if (ledger.isPresent()) {
            for (DeliveryId other : counted) {
                boolean stillHeld = other.equals(target)
                        || deliveriesRead
                                .get(other)
                                .map(found -> found.invoke(d -> d.isHeldBy(courier)))
                                .orElse(false);
                if (!stillHeld) {
                    ledger.get().execute(open -> open.handle(new ReleaseClaim(ledgerId, other)));
                }
            }
            ledger.get().execute(open -> open.handle(take));
        } else {
            create(ledgers.get(), () -> {
                ClaimLedger first = new ClaimLedger();
                first.handle(take);
                return first;
            });
        }
        delivery.execute(found -> found.handle(claim, deadlineManager));
    }

    private static <T> Optional<Aggregate<T>> load(Repository<T> repository, String id) {
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }

    private static <T> void create(Repository<T> repository, Callable<T> creation) {
        try {
            repository.newInstance(creation);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
