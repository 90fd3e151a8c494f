package io.livechain.production;

import io.livechain.shared.BusinessRuleViolation;

/** A warehouse cannot receive more of a batch than was shipped to it. */
public final class ReceiptExceedsShipment extends BusinessRuleViolation {

    public ReceiptExceedsShipment(int outstanding) {
        super(
                "receipt-exceeds-shipment",
                Kind.UNPROCESSABLE,
                "only " + outstanding + " units of this batch are on their way to this warehouse");
    }
}
