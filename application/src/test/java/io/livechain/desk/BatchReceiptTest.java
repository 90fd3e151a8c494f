package io.livechain.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.event.MerchantLinked;
import io.livechain.participant.event.ParticipantRegistered;
import io.livechain.production.BatchId;
import io.livechain.production.desk.BatchReceipt;
import io.livechain.production.event.BatchReceived;
import io.livechain.production.event.BatchShipped;
import io.livechain.production.event.ProductionAccepted;
import io.livechain.production.event.ProductionCompleted;
import io.livechain.production.event.ProductionRequested;
import io.livechain.production.event.ProductionStarted;
import io.livechain.stock.InventoryId;
import io.livechain.stock.desk.StockReceipt;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.event.StockReceived;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Units of a production batch are received with the stock and recorded on the batch, in one commit. */
class BatchReceiptTest {

    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final String SKU = "LIP-RED";
    private static final int SHIPPED = 300;

    private final ParticipantId merchant = ParticipantId.random();
    private final ParticipantId factory = ParticipantId.random();
    private final ParticipantId warehouse = ParticipantId.random();
    private final InventoryId inventory = InventoryId.of(merchant, SKU);
    private final BatchId batch = BatchId.random();
    private InMemoryDesk platform;

    @BeforeEach
    void aBatchShippedToAWarehouseThatServesItsMerchant() {
        platform = new InMemoryDesk(NOW, 10, Duration.ofSeconds(5));
        platform.given(
                "Participant",
                merchant,
                new ParticipantRegistered(merchant, ParticipantKind.MERCHANT, "Acme", List.of()));
        platform.given(
                "Participant",
                warehouse,
                new ParticipantRegistered(warehouse, ParticipantKind.WAREHOUSE, "North DC", List.of("north")),
                new MerchantLinked(warehouse, merchant));
        platform.given("Inventory", inventory, new InventoryOpened(inventory, merchant, SKU));
        platform.given(
                "ProductionBatch",
                batch,
                new ProductionRequested(batch, merchant, factory, SKU, SHIPPED, NOW.plusSeconds(86_400)),
                new ProductionAccepted(batch, merchant, SKU, SHIPPED, NOW.plusSeconds(3_600)),
                new ProductionStarted(batch),
                new ProductionCompleted(batch, SHIPPED, SHIPPED),
                new BatchShipped(batch, merchant, SKU, warehouse, SHIPPED));
        platform.desk.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        platform.close();
    }

    @Test
    void records_the_batch_as_received_with_the_stock() {
        // when
        DeskOutcome outcome = platform.decide(new BatchReceipt(receipt(200), batch));
        // then
        assertThat(status(outcome)).isEqualTo(201);
        assertThat(platform.payloads())
                .endsWith(
                        new BatchReceived(batch, merchant, SKU, warehouse, 200),
                        new StockReceived(inventory, SKU, warehouse, "north", 200, batch.value()));
    }

    @Test
    void refuses_more_than_is_on_its_way_and_changes_nothing() {
        // given
        int stored = platform.payloads().size();
        // when
        DeskOutcome outcome = platform.decide(new BatchReceipt(receipt(SHIPPED + 1), batch));
        // then
        assertThat(status(outcome)).isEqualTo(422);
        assertThat(code(outcome)).isEqualTo("receipt-exceeds-shipment");
        assertThat(platform.payloads()).hasSize(stored);
    }

    @Test
    void refuses_a_batch_it_does_not_know() {
        // given
        int stored = platform.payloads().size();
        // when
        DeskOutcome outcome = platform.decide(new BatchReceipt(receipt(10), BatchId.random()));
        // then
        assertThat(code(outcome)).isEqualTo("unknown-batch");
        assertThat(platform.payloads()).hasSize(stored);
    }

    @Test
    void a_receipt_without_a_batch_names_none() {
        // when
        DeskOutcome outcome = platform.decide(receipt(10));
        // then
        assertThat(status(outcome)).isEqualTo(201);
        assertThat(platform.payloads())
                .last()
                .isEqualTo(new StockReceived(inventory, SKU, warehouse, "north", 10, null));
    }

    private StockReceipt receipt(int quantity) {
        return new StockReceipt(warehouse, merchant, SKU, quantity);
    }

    private static int status(DeskOutcome outcome) {
        return ((DeskOutcome.Answered) outcome).response().status();
    }

    private static String code(DeskOutcome outcome) {
        return new String(((DeskOutcome.Answered) outcome).response().body(), StandardCharsets.UTF_8);
    }
}
