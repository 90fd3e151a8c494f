package io.livechain.participant.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.participant.Participant;
import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.ParticipantNotFound;
import io.livechain.participant.command.LinkMerchant;
import io.livechain.participant.command.UnlinkMerchant;
import java.util.Objects;

/**
 * The operator links a warehouse to a merchant (it may receive the merchant's stock from then on) or unlinks it
 * (it receives none any more; what it holds stays). Either side that is not a registered participant of its kind
 * answers as not found. Linking what is linked, or unlinking what is not, changes nothing.
 */
public record MerchantLinking(ParticipantId warehouseId, ParticipantId merchantId, boolean linked)
        implements UseCase<MerchantLinking.Link> {

    public MerchantLinking {
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(merchantId, "merchantId");
    }

    @Override
    public Decision<Link> decide(DeskState state) {
        Participant warehouse = state.participant(warehouseId)
                .filter(found -> found.kind() == ParticipantKind.WAREHOUSE)
                .orElseThrow(() -> new ParticipantNotFound(ParticipantKind.WAREHOUSE));
        state.participant(merchantId)
                .filter(found -> found.kind() == ParticipantKind.MERCHANT)
                .orElseThrow(() -> new ParticipantNotFound(ParticipantKind.MERCHANT));
        Link link = new Link(warehouseId, merchantId, linked);
        boolean changes = linked ? warehouse.checkLink(merchantId) : warehouse.checkUnlink(merchantId);
        if (!changes) {
            return Decision.unchanged(link);
        }
        return Decision.accept(
                link,
                apply -> apply.participant(warehouseId, participant -> {
                    if (linked) {
                        participant.handle(new LinkMerchant(warehouseId, merchantId));
                    } else {
                        participant.handle(new UnlinkMerchant(warehouseId, merchantId));
                    }
                }));
    }

    /** Whether the warehouse serves the merchant now. */
    public record Link(ParticipantId warehouseId, ParticipantId merchantId, boolean linked) {}
}
