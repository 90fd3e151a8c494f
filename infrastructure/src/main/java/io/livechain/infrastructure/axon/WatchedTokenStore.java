package io.livechain.infrastructure.axon;

import java.util.function.ObjIntConsumer;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC token store, which also tells a watcher when a token of one processor has been committed. A processor
 * stores its token in the transaction of the batch it handled, so once that transaction commits, its read models
 * reflect every event up to the token: the moment a read waiting for a position can be answered (ADR 0010).
 */
final class WatchedTokenStore extends JdbcTokenStore {

    private final String processorName;
    private final ObjIntConsumer<TrackingToken> committed;

    /** @param committed told the token and the segment it was committed for, after the commit */
    WatchedTokenStore(Builder builder, String processorName, ObjIntConsumer<TrackingToken> committed) {
        super(builder);
        this.processorName = processorName;
        this.committed = committed;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        super.storeToken(token, processorName, segment);
        if (!this.processorName.equals(processorName)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.accept(token, segment);
                }
            });
        } else {
            committed.accept(token, segment);
        }
    }
}
