package io.livechain.order.policy;

import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.order.event.OrderCancelled;
import io.livechain.order.event.OrderExpired;
import io.livechain.sales.admission.AdmissionDesk;
import io.livechain.sales.admission.DeskOutcome;
import io.livechain.sales.admission.DeskRequest;
import io.livechain.sales.admission.DeskWork;
import io.livechain.shared.BusinessRuleViolation;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * When an order is cancelled or expires, its units go back to the offers (other buyers can have them) and to
 * stock (waiting orders get them first). Runs after the fact, from the event, so it survives restarts; releasing is
 * safe to repeat.
 */
@ProcessingGroup("unit-release")
public class UnitReleasePolicy {

    private static final RecordedResponse DONE = new RecordedResponse(null, 200, null, null, new byte[0]);

    private final AdmissionDesk desk;

    public UnitReleasePolicy(AdmissionDesk desk) {
        this.desk = desk;
    }

    @EventHandler
    void on(OrderCancelled event) throws Exception {
        release(event, DeskWork.releaseOrder(event.orderId(), event.liveStreamId(), event.skus(), "cancelled"));
    }

    @EventHandler
    void on(OrderExpired event) throws Exception {
        release(event, DeskWork.releaseOrder(event.orderId(), event.liveStreamId(), event.skus(), "expired"));
    }

    private void release(Object event, java.util.function.Function<io.livechain.sales.admission.DeskContext, ?> work)
            throws Exception {
        DeskRequest<Object> request = new DeskRequest<>(
                event,
                CurrentUnitOfWork.correlationData(),
                null,
                null,
                context -> work.apply(context),
                new DeskRequest.Renderer<>() {
                    @Override
                    public RecordedResponse success(Object result) {
                        return DONE;
                    }

                    @Override
                    public RecordedResponse rejection(BusinessRuleViolation violation) {
                        throw violation;
                    }
                });
        DeskOutcome outcome = desk.submit(request).get(1, TimeUnit.MINUTES);
        if (!(outcome instanceof DeskOutcome.Answered)) {
            throw new IllegalStateException("unexpected release outcome " + outcome);
        }
    }
}
