package io.livechain.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livechain.participant.ParticipantId;
import io.livechain.production.command.AcceptProduction;
import io.livechain.production.command.CompleteProduction;
import io.livechain.production.command.ReceiveBatch;
import io.livechain.production.command.RejectProduction;
import io.livechain.production.command.RequestProduction;
import io.livechain.production.command.ReviseProductionRequest;
import io.livechain.production.command.ShipBatch;
import io.livechain.production.command.StartProduction;
import io.livechain.production.event.BatchReceived;
import io.livechain.production.event.BatchShipped;
import io.livechain.production.event.ProductionAccepted;
import io.livechain.production.event.ProductionCompleted;
import io.livechain.production.event.ProductionRejected;
import io.livechain.production.event.ProductionRequestRevised;
import io.livechain.production.event.ProductionRequested;
import io.livechain.production.event.ProductionStarted;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductionBatchTest {

    private static final String SKU = "DRESS-RED-M";
    private static final int REQUESTED = 500;
    private static final int COMMITTED = 480;
    private static final int PRODUCED = 480;
    private static final int QC_PASSED = 470;
    private static final Instant NEEDED_BY = Instant.parse("2025-07-01T00:00:00Z");
    private static final Instant COMPLETION_AT = Instant.parse("2025-06-25T00:00:00Z");

    private final BatchId batchId = BatchId.random();
    private final ParticipantId merchant = ParticipantId.random();
    private final ParticipantId factory = ParticipantId.random();
    private final ParticipantId otherFactory = ParticipantId.random();
    private final ParticipantId northWarehouse = ParticipantId.random();
    private final ParticipantId southWarehouse = ParticipantId.random();
    private FixtureConfiguration<ProductionBatch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductionBatch.class);
    }

    private static void assertInvalid(ThrowingCallable command, String field) {
        assertThatThrownBy(command)
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo(field));
    }

    private ProductionRequested requested() {
        return new ProductionRequested(batchId, merchant, factory, SKU, REQUESTED, NEEDED_BY);
    }

    private ProductionAccepted accepted() {
        return new ProductionAccepted(batchId, merchant, SKU, COMMITTED, COMPLETION_AT);
    }

    private AcceptProduction accept(ParticipantId by) {
        return new AcceptProduction(batchId, by, COMMITTED, COMPLETION_AT);
    }

    private ProductionCompleted completed() {
        return new ProductionCompleted(batchId, PRODUCED, QC_PASSED);
    }

    private ShipBatch ship(ParticipantId warehouseId, int quantity) {
        return new ShipBatch(batchId, factory, warehouseId, quantity);
    }

    private BatchShipped shipped(ParticipantId warehouseId, int quantity) {
        return new BatchShipped(batchId, merchant, SKU, warehouseId, quantity);
    }

    private BatchReceived received(ParticipantId warehouseId, int quantity) {
        return new BatchReceived(batchId, merchant, SKU, warehouseId, quantity);
    }

    /** Made, passed quality control and ready to ship. */
    private Object[] completedBatch() {
        return new Object[] {requested(), accepted(), new ProductionStarted(batchId), completed()};
    }

    // requesting

    @Test
    void requests_a_batch_from_the_factory() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new RequestProduction(batchId, merchant, factory, SKU, REQUESTED, NEEDED_BY))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested());
    }

    @Test
    void a_request_for_zero_units_cannot_be_sent() {
        // when, then
        assertInvalid(() -> new RequestProduction(batchId, merchant, factory, SKU, 0, NEEDED_BY), "quantity");
        assertInvalid(() -> new RequestProduction(batchId, merchant, factory, SKU, 1, null), "neededBy");
    }

    // revising

    @Test
    void revises_a_request_the_factory_has_not_answered() {
        Instant later = NEEDED_BY.plusSeconds(86_400);
        // given
        fixture.given(requested())
                // when
                .when(new ReviseProductionRequest(batchId, 400, later))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProductionRequestRevised(batchId, 400, later));
    }

    @Test
    void revising_to_the_same_quantity_changes_nothing() {
        // given
        fixture.given(requested())
                // when
                .when(new ReviseProductionRequest(batchId, REQUESTED, NEEDED_BY))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_revision_to_zero_units_cannot_be_sent() {
        // when, then
        assertInvalid(() -> new ReviseProductionRequest(batchId, 0, NEEDED_BY), "quantity");
    }

    @Test
    void a_revision_after_the_factory_accepted_is_moot() {
        // given
        fixture.given(requested(), accepted())
                // when
                .when(new ReviseProductionRequest(batchId, 400, NEEDED_BY))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // accepting and rejecting

    @Test
    void the_factory_accepts_the_batch() {
        // given
        fixture.given(requested())
                // when
                .when(accept(factory))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(accepted());
    }

    @Test
    void rejects_an_acceptance_by_another_factory() {
        // given
        fixture.given(requested())
                // when
                .when(accept(otherFactory))
                // then
                .expectException(BatchNotFound.class)
                .expectNoEvents();
    }

    @Test
    void accepting_twice_changes_nothing() {
        // given
        fixture.given(requested(), accepted())
                // when
                .when(accept(factory))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_acceptance_out_of_range_cannot_be_sent() {
        // when, then
        assertInvalid(() -> new AcceptProduction(batchId, factory, COMMITTED, null), "expectedCompletionAt");
        assertInvalid(
                () -> new AcceptProduction(batchId, factory, COMMITTED, Instant.parse("+10000-01-01T00:00:00Z")),
                "expectedCompletionAt");
        assertInvalid(() -> new AcceptProduction(batchId, factory, 0, COMPLETION_AT), "committedQuantity");
        assertInvalid(
                () -> new AcceptProduction(batchId, factory, Limits.MAX_UNITS + 1, COMPLETION_AT), "committedQuantity");
    }

    @Test
    void the_factory_rejects_the_batch_with_a_reason() {
        // given
        fixture.given(requested())
                // when
                .when(new RejectProduction(batchId, factory, "  no capacity in June "))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProductionRejected(batchId, merchant, SKU, "no capacity in June"));
    }

    @Test
    void a_rejection_without_a_reason_cannot_be_sent() {
        // when, then
        assertThatThrownBy(() -> new RejectProduction(batchId, factory, "   "))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("reason"));
    }

    @Test
    void rejects_rejecting_an_accepted_batch() {
        // given
        fixture.given(requested(), accepted())
                // when
                .when(new RejectProduction(batchId, factory, "changed our mind"))
                // then
                .expectException(BatchTransitionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void rejects_accepting_a_rejected_batch() {
        // given
        fixture.given(requested(), new ProductionRejected(batchId, merchant, SKU, "no capacity"))
                // when
                .when(accept(factory))
                // then
                .expectException(BatchTransitionNotAllowed.class)
                .expectNoEvents();
    }

    // making

    @Test
    void the_factory_starts_an_accepted_batch() {
        // given
        fixture.given(requested(), accepted())
                // when
                .when(new StartProduction(batchId, factory))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProductionStarted(batchId));
    }

    @Test
    void rejects_starting_a_batch_that_was_not_accepted() {
        // given
        fixture.given(requested())
                // when
                .when(new StartProduction(batchId, factory))
                // then
                .expectException(BatchTransitionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void the_factory_completes_a_started_batch() {
        // given
        fixture.given(requested(), accepted(), new ProductionStarted(batchId))
                // when
                .when(new CompleteProduction(batchId, factory, PRODUCED, QC_PASSED))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(completed());
    }

    @Test
    void a_completion_with_more_units_passing_quality_control_than_were_produced_cannot_be_sent() {
        // when, then
        assertInvalid(() -> new CompleteProduction(batchId, factory, 100, 101), "qcPassedQuantity");
        assertInvalid(() -> new CompleteProduction(batchId, factory, -1, 0), "producedQuantity");
        assertInvalid(() -> new CompleteProduction(batchId, factory, 100, -1), "qcPassedQuantity");
    }

    @Test
    void rejects_completing_a_batch_that_was_not_started() {
        // given
        fixture.given(requested(), accepted())
                // when
                .when(new CompleteProduction(batchId, factory, PRODUCED, QC_PASSED))
                // then
                .expectException(BatchTransitionNotAllowed.class)
                .expectNoEvents();
    }

    // shipping

    @Test
    void ships_units_that_passed_quality_control() {
        // given
        fixture.given(completedBatch())
                // when
                .when(ship(northWarehouse, QC_PASSED))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(shipped(northWarehouse, QC_PASSED));
    }

    @Test
    void a_shipment_or_a_receipt_of_no_units_cannot_be_sent() {
        // when, then
        assertInvalid(() -> ship(northWarehouse, 0), "quantity");
        assertInvalid(() -> ship(northWarehouse, Limits.MAX_UNITS + 1), "quantity");
        assertInvalid(() -> new ReceiveBatch(batchId, northWarehouse, 0), "quantity");
    }

    @Test
    void rejects_shipping_more_than_passed_quality_control() {
        // given
        fixture.given(completedBatch())
                // when
                .when(ship(northWarehouse, QC_PASSED + 1))
                // then
                .expectException(InvalidBatch.class)
                .expectNoEvents();
    }

    @Test
    void ships_a_batch_in_two_parts() {
        // given 300 of the 470 units left for the north warehouse
        fixture.given(completedBatch())
                .andGiven(shipped(northWarehouse, 300))
                // when
                .when(ship(southWarehouse, 170))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(shipped(southWarehouse, 170));
    }

    @Test
    void rejects_a_second_part_larger_than_what_is_left_to_ship() {
        // given 300 of the 470 units left for the north warehouse
        fixture.given(completedBatch())
                .andGiven(shipped(northWarehouse, 300))
                // when
                .when(ship(southWarehouse, 171))
                // then
                .expectException(InvalidBatch.class)
                .expectNoEvents();
    }

    @Test
    void rejects_shipping_a_batch_that_is_not_completed() {
        // given
        fixture.given(requested(), accepted(), new ProductionStarted(batchId))
                // when
                .when(ship(northWarehouse, 10))
                // then
                .expectException(BatchTransitionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void rejects_shipping_by_another_factory() {
        // given
        fixture.given(completedBatch())
                // when
                .when(new ShipBatch(batchId, otherFactory, northWarehouse, 10))
                // then
                .expectException(BatchNotFound.class)
                .expectNoEvents();
    }

    // receiving

    @Test
    void a_warehouse_receives_part_of_a_shipment() {
        // given
        fixture.given(completedBatch())
                .andGiven(shipped(northWarehouse, QC_PASSED))
                // when
                .when(new ReceiveBatch(batchId, northWarehouse, 200))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(northWarehouse, 200))
                .expectState(batch -> {
                    assertEquals(BatchStatus.SHIPPED, batch.status());
                    assertEquals(QC_PASSED - 200, batch.outstandingFor(northWarehouse));
                });
    }

    @Test
    void a_warehouse_receives_the_rest_of_a_shipment() {
        // given 200 of the 470 units shipped were received
        fixture.given(completedBatch())
                .andGiven(shipped(northWarehouse, QC_PASSED), received(northWarehouse, 200))
                // when
                .when(new ReceiveBatch(batchId, northWarehouse, QC_PASSED - 200))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(northWarehouse, QC_PASSED - 200))
                .expectState(batch -> {
                    assertEquals(BatchStatus.RECEIVED, batch.status());
                    assertEquals(0, batch.outstandingFor(northWarehouse));
                });
    }

    @Test
    void rejects_receiving_more_than_is_on_its_way_to_the_warehouse() {
        // given 200 of the 470 units shipped were received
        fixture.given(completedBatch())
                .andGiven(shipped(northWarehouse, QC_PASSED), received(northWarehouse, 200))
                // when
                .when(new ReceiveBatch(batchId, northWarehouse, QC_PASSED - 200 + 1))
                // then
                .expectException(ReceiptExceedsShipment.class)
                .expectNoEvents();
    }

    @Test
    void rejects_receiving_at_a_warehouse_the_batch_was_not_shipped_to() {
        // given
        fixture.given(completedBatch())
                .andGiven(shipped(northWarehouse, QC_PASSED))
                // when
                .when(new ReceiveBatch(batchId, southWarehouse, 10))
                // then
                .expectException(ReceiptExceedsShipment.class)
                .expectNoEvents();
    }

    @Test
    void a_warehouse_cannot_receive_what_was_shipped_to_another() {
        // given 300 units went north and 170 south, and the south warehouse received its 170
        fixture.given(completedBatch())
                .andGiven(shipped(northWarehouse, 300), shipped(southWarehouse, 170), received(southWarehouse, 170))
                // when
                .when(new ReceiveBatch(batchId, southWarehouse, 1))
                // then
                .expectException(ReceiptExceedsShipment.class)
                .expectNoEvents();
    }
}
