package io.livechain.participant;

import io.livechain.shared.BusinessRuleViolation;

/**
 * A warehouse names a merchant it does not serve. Whether the merchant exists at all is not told: to a warehouse, a
 * merchant it is not linked to is as absent as one that was never registered.
 */
public final class UnknownMerchant extends BusinessRuleViolation {

    public static final String FIELD = "merchantId";

    public UnknownMerchant() {
        super(
                "unknown-merchant",
                Kind.UNPROCESSABLE,
                FIELD,
                "merchantId does not name a merchant this warehouse serves");
    }
}
