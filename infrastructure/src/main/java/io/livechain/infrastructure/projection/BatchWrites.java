package io.livechain.infrastructure.projection;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets a projection collect the writes of a whole batch of events and send them in a few statements when the
 * batch commits, instead of several statements per event: during a flash sale, projections see thousands of events a
 * second. The writes still commit in the transaction that stores the processor's token.
 */
public final class BatchWrites {

    private BatchWrites() {}

    /**
     * The pending writes of the current batch for this key, created (and scheduled to be flushed before the batch
     * commits) on first use. Outside a unit of work the writes are flushed at once.
     */
    public static <T> void with(String key, Supplier<T> create, Consumer<T> flush, Consumer<T> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            T pending = create.get();
            write.accept(pending);
            flush.accept(pending);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        T pending = root.getOrComputeResource(key, ignored -> {
            T created = create.get();
            root.onPrepareCommit(unitOfWork -> flush.accept(created));
            return created;
        });
        write.accept(pending);
    }
}
