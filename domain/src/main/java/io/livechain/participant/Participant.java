package io.livechain.participant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.participant.command.LinkMerchant;
import io.livechain.participant.command.RegisterParticipant;
import io.livechain.participant.command.UnlinkMerchant;
import io.livechain.participant.event.MerchantLinked;
import io.livechain.participant.event.MerchantUnlinked;
import io.livechain.participant.event.ParticipantEvent;
import io.livechain.participant.event.ParticipantRegistered;
import io.livechain.shared.Limits;
import io.livechain.shared.Zone;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A merchant, factory, warehouse or courier known to the platform. Registering one is an event, so the audit
 * trail shows who was admitted to the platform, when and by which operator. A warehouse serves only the merchants
 * the operator linked it to: only their stock can it receive.
 */
public class Participant {

    static final int MAX_NAME_LENGTH = Limits.MAX_NAME_LENGTH;

    @AggregateIdentifier
    private ParticipantId participantId;

    private ParticipantKind kind;
    private List<String> zones = List.of();
    private final Set<ParticipantId> merchants = new HashSet<>();

    protected Participant() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Participant(RegisterParticipant command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidRegistration("name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        List<String> zones = command.zones().stream().map(Zone::fold).distinct().toList();
        for (String zone : zones) {
            if (!Zone.isValid(zone)) {
                throw new InvalidRegistration("zone '" + zone + "' must be 1 to 64 letters, digits, '-' or '_'");
            }
        }
        switch (command.kind()) {
            case WAREHOUSE -> {
                if (zones.size() != 1) {
                    throw new InvalidRegistration("a warehouse is in exactly one zone");
                }
            }
            case COURIER -> {
                if (zones.isEmpty()) {
                    throw new InvalidRegistration("a courier serves at least one zone");
                }
            }
            case MERCHANT, FACTORY -> {
                if (!zones.isEmpty()) {
                    throw new InvalidRegistration("a " + command.kind().name().toLowerCase() + " has no zones");
                }
            }
        }
        apply(new ParticipantRegistered(command.participantId(), command.kind(), name, zones));
    }

    /** Whether linking changes anything; throws unless this is a warehouse. */
    public boolean checkLink(ParticipantId merchantId) {
        requireWarehouse();
        return !merchants.contains(merchantId);
    }

    /** Whether unlinking changes anything; throws unless this is a warehouse. */
    public boolean checkUnlink(ParticipantId merchantId) {
        requireWarehouse();
        return merchants.contains(merchantId);
    }

    @CommandHandler
    public void handle(LinkMerchant command) {
        if (checkLink(command.merchantId())) {
            apply(new MerchantLinked(participantId, command.merchantId()));
        }
    }

    @CommandHandler
    public void handle(UnlinkMerchant command) {
        if (checkUnlink(command.merchantId())) {
            apply(new MerchantUnlinked(participantId, command.merchantId()));
        }
    }

    private void requireWarehouse() {
        if (kind != ParticipantKind.WAREHOUSE) {
            throw new ParticipantNotFound(ParticipantKind.WAREHOUSE);
        }
    }

    /** Every event of the family, by a switch over the sealed type: a new event does not compile until handled here. */
    @EventSourcingHandler
    void on(ParticipantEvent event) {
        switch (event) {
            case ParticipantRegistered participantRegistered -> on(participantRegistered);
            case MerchantLinked merchantLinked -> on(merchantLinked);
            case MerchantUnlinked merchantUnlinked -> on(merchantUnlinked);
        }
    }

    void on(ParticipantRegistered event) {
        participantId = event.participantId();
        kind = event.kind();
        zones = event.zones().stream().map(Zone::fold).distinct().toList();
    }

    void on(MerchantLinked event) {
        merchants.add(event.merchantId());
    }

    void on(MerchantUnlinked event) {
        merchants.remove(event.merchantId());
    }

    public ParticipantKind kind() {
        return kind;
    }

    /** Whether this warehouse may receive the merchant's stock. */
    public boolean serves(ParticipantId merchantId) {
        return merchants.contains(merchantId);
    }

    /** A warehouse's zone, or null for participants without exactly one zone. */
    public String zone() {
        return zones.size() == 1 ? zones.getFirst() : null;
    }
}
