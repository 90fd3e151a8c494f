package io.livechain.sales.desk;

import io.livechain.catalog.ProductId;
import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.sales.LiveStream;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.command.ScheduleLiveStream;
import io.livechain.shared.LiveStreamId;
import io.livechain.shared.UnknownSku;

/** A live stream is scheduled with its offers; every offered SKU must be in the merchant's catalogue. */
public record LiveStreamScheduling(ScheduleLiveStream command) implements UseCase<LiveStreamId> {

    /** An invalid schedule is refused before the desk sees it. */
    public LiveStreamScheduling {
        LiveStream.check(command);
    }

    @Override
    public Decision<LiveStreamId> decide(DeskState state) {
        for (OfferTerms offer : command.offers()) {
            if (state.product(ProductId.of(command.merchantId(), offer.sku())).isEmpty()) {
                throw new UnknownSku(offer.sku(), "in your catalogue");
            }
        }
        return Decision.accept(command.liveStreamId(), changes -> changes.newLiveStream(() -> new LiveStream(command)));
    }
}
