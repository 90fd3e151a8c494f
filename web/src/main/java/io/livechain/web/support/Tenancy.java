package io.livechain.web.support;

import io.livechain.access.Caller;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tenancy rule of every controller: an object that is not the caller's answers exactly like one that does not
 * exist. Usage: {@code Tenancy.ownedBy(caller, view, OrderView::merchantId, "order")}.
 */
public final class Tenancy {

    private Tenancy() {}

    public static <T> T ownedBy(Caller caller, Optional<T> found, Function<T, UUID> owner, String what) {
        return found.filter(view -> caller.participantId().equals(owner.apply(view)))
                .orElseThrow(() -> new ResourceNotFound(what));
    }
}
