package io.livechain.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.desk.MerchantLinking;
import io.livechain.participant.event.MerchantLinked;
import io.livechain.participant.event.MerchantUnlinked;
import io.livechain.participant.event.ParticipantRegistered;
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

/** A warehouse serves only the merchants the operator links it to: only their stock does it receive. */
class WarehouseLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final String SKU = "LIP-RED";

    private final ParticipantId merchant = ParticipantId.random();
    private final ParticipantId otherMerchant = ParticipantId.random();
    private final ParticipantId warehouse = ParticipantId.random();
    private final ParticipantId courier = ParticipantId.random();
    private InMemoryDesk platform;

    @BeforeEach
    void aWarehouseAndTwoMerchantsWithTheSameSku() {
        platform = new InMemoryDesk(NOW, 10, Duration.ofSeconds(5));
        platform.given(
                "Participant",
                merchant,
                new ParticipantRegistered(merchant, ParticipantKind.MERCHANT, "Acme", List.of()));
        platform.given(
                "Participant",
                otherMerchant,
                new ParticipantRegistered(otherMerchant, ParticipantKind.MERCHANT, "Rival", List.of()));
        platform.given(
                "Participant",
                warehouse,
                new ParticipantRegistered(warehouse, ParticipantKind.WAREHOUSE, "North DC", List.of("north")));
        platform.given(
                "Participant",
                courier,
                new ParticipantRegistered(courier, ParticipantKind.COURIER, "Kai", List.of("north")));
        for (ParticipantId owner : List.of(merchant, otherMerchant)) {
            InventoryId inventory = InventoryId.of(owner, SKU);
            platform.given("Inventory", inventory, new InventoryOpened(inventory, owner, SKU));
        }
        platform.desk.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        platform.close();
    }

    @Test
    void a_warehouse_receives_stock_of_a_merchant_it_was_linked_to() {
        // given
        assertThat(status(platform.decide(new MerchantLinking(warehouse, merchant, true))))
                .isEqualTo(201);
        // when
        DeskOutcome receipt = platform.decide(receipt(merchant));
        // then
        assertThat(status(receipt)).isEqualTo(201);
        assertThat(platform.payloads()).last().isInstanceOf(StockReceived.class);
    }

    @Test
    void a_receipt_for_a_merchant_the_warehouse_does_not_serve_is_refused_and_changes_nothing() {
        // given the warehouse serves one merchant only
        platform.decide(new MerchantLinking(warehouse, merchant, true));
        int stored = platform.payloads().size();
        // when it receives stock for another merchant (who has that SKU)
        DeskOutcome receipt = platform.decide(receipt(otherMerchant));
        // then it is refused as for a merchant that does not exist, and nothing was stored
        assertThat(status(receipt)).isEqualTo(422);
        assertThat(code(receipt)).isEqualTo("unknown-merchant");
        assertThat(code(platform.decide(receipt(ParticipantId.random())))).isEqualTo("unknown-merchant");
        assertThat(platform.payloads()).hasSize(stored);
    }

    @Test
    void an_unlinked_warehouse_receives_no_more_stock_of_the_merchant() {
        // given a warehouse that was linked, received, and was unlinked
        platform.decide(new MerchantLinking(warehouse, merchant, true));
        assertThat(status(platform.decide(receipt(merchant)))).isEqualTo(201);
        assertThat(status(platform.decide(new MerchantLinking(warehouse, merchant, false))))
                .isEqualTo(201);
        // when
        DeskOutcome receipt = platform.decide(receipt(merchant));
        // then
        assertThat(code(receipt)).isEqualTo("unknown-merchant");
        assertThat(platform.payloads())
                .filteredOn(MerchantUnlinked.class::isInstance)
                .containsExactly(new MerchantUnlinked(warehouse, merchant));
    }

    @Test
    void linking_twice_records_one_link() {
        // given
        platform.decide(new MerchantLinking(warehouse, merchant, true));
        // when
        DeskOutcome again = platform.decide(new MerchantLinking(warehouse, merchant, true));
        // then
        assertThat(status(again)).isEqualTo(201);
        assertThat(platform.payloads())
                .filteredOn(MerchantLinked.class::isInstance)
                .containsExactly(new MerchantLinked(warehouse, merchant));
    }

    @Test
    void only_a_registered_warehouse_and_a_registered_merchant_are_linked() {
        int stored = platform.payloads().size();
        assertThat(status(platform.decide(new MerchantLinking(warehouse, ParticipantId.random(), true))))
                .isEqualTo(404);
        assertThat(status(platform.decide(new MerchantLinking(warehouse, courier, true))))
                .isEqualTo(404);
        assertThat(status(platform.decide(new MerchantLinking(courier, merchant, true))))
                .isEqualTo(404);
        assertThat(status(platform.decide(new MerchantLinking(ParticipantId.random(), merchant, true))))
                .isEqualTo(404);
        assertThat(platform.payloads()).hasSize(stored);
    }

    private StockReceipt receipt(ParticipantId owner) {
        return new StockReceipt(warehouse, owner, SKU, 10);
    }

    private static int status(DeskOutcome outcome) {
        return ((DeskOutcome.Answered) outcome).response().status();
    }

    private static String code(DeskOutcome outcome) {
        return new String(((DeskOutcome.Answered) outcome).response().body(), StandardCharsets.UTF_8);
    }
}
