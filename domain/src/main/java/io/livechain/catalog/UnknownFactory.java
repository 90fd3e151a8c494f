package io.livechain.catalog;

import io.livechain.shared.BusinessRuleViolation;

public final class UnknownFactory extends BusinessRuleViolation {

    public UnknownFactory() {
        super("unknown-factory", Kind.UNPROCESSABLE, "factoryId does not name a registered factory");
    }
}
