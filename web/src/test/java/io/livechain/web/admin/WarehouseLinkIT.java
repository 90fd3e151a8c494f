package io.livechain.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.participant.ParticipantId;
import io.livechain.stock.InventoryId;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.event.StockReceived;
import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A warehouse receives only the stock of merchants the operator linked it to; others look as if they did not exist. */
class WarehouseLinkIT extends PlatformIT {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_warehouse_receives_a_merchants_stock_only_while_linked_to_it() {
        // given a merchant with a product, and a warehouse the operator has not linked to it
        Api api = api();
        var merchant = api.register("merchants", "{\"name\":\"Acme\"}");
        var factory = api.register("factories", "{\"name\":\"Plant\"}");
        var warehouse = api.register("warehouses", "{\"name\":\"Rogue DC\",\"zone\":\"north\"}");
        product(merchant, factory, "LNK-1");
        long events = events();
        // when the warehouse receives stock for that merchant
        var refused = receive(warehouse, merchant.id(), "LNK-1");
        // then it is refused as for a merchant that does not exist, naming the field, and nothing is written
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemType()).isEqualTo("unknown-merchant");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("merchantId");
        var nobody = receive(warehouse, UUID.randomUUID().toString(), "LNK-1");
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.json().get("detail")).isEqualTo(refused.json().get("detail"));
        assertThat(events()).isEqualTo(events);

        // when the operator links them, the receipt goes through
        var linked = api.put(link(warehouse, merchant), Api.OPERATOR_KEY);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("linked").asBoolean()).isTrue();
        var received = receive(warehouse, merchant.id(), "LNK-1");
        assertThat(received.status()).isEqualTo(201);
        long position = received.position();
        JsonNode served =
                api.get(Api.at(links(warehouse), position), Api.OPERATOR_KEY).json();
        assertThat(served).hasSize(1);
        assertThat(served.get(0).get("merchantId").asString()).isEqualTo(merchant.id());
        assertThat(served.get(0).get("name").asString()).isEqualTo("Acme");
        assertThat(onHand(merchant, "LNK-1", position)).isEqualTo(10);

        // when the operator unlinks them, the next receipt is refused, and the units received stay
        var unlinked = api.delete(link(warehouse, merchant), Api.OPERATOR_KEY);
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(unlinked.json().get("linked").asBoolean()).isFalse();
        assertThat(receive(warehouse, merchant.id(), "LNK-1").problemType()).isEqualTo("unknown-merchant");
        assertThat(api.get(Api.at(links(warehouse), unlinked.position()), Api.OPERATOR_KEY)
                        .json())
                .isEmpty();
        assertThat(onHand(merchant, "LNK-1", unlinked.position())).isEqualTo(10);
    }

    @Test
    void only_the_operator_links_and_only_registered_warehouses_and_merchants() {
        Api api = api();
        var merchant = api.register("merchants", "{\"name\":\"Acme\"}");
        var warehouse = api.register("warehouses", "{\"name\":\"DC\",\"zone\":\"north\"}");
        var courier = api.register("couriers", "{\"name\":\"Kai\",\"zones\":[\"north\"]}");
        long events = events();
        // another role: 403
        assertThat(api.put(link(warehouse, merchant), warehouse.apiKey()).status())
                .isEqualTo(403);
        assertThat(api.put(link(warehouse, merchant), merchant.apiKey()).status())
                .isEqualTo(403);
        // no such merchant, or no such warehouse: 404
        var noMerchant = api.put(link(warehouse, courier), Api.OPERATOR_KEY);
        assertThat(noMerchant.status()).isEqualTo(404);
        assertThat(noMerchant.problemType()).isEqualTo("not-found");
        assertThat(api.put(link(courier, merchant), Api.OPERATOR_KEY).status()).isEqualTo(404);
        assertThat(api.get(links(courier), Api.OPERATOR_KEY).status()).isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/admin/warehouses/" + UUID.randomUUID() + "/merchants/" + merchant.id(),
                                Api.OPERATOR_KEY)
                        .status())
                .isEqualTo(404);
        assertThat(events()).isEqualTo(events);
        // linking twice is one link
        assertThat(api.put(link(warehouse, merchant), Api.OPERATOR_KEY).status())
                .isEqualTo(200);
        assertThat(api.put(link(warehouse, merchant), Api.OPERATOR_KEY).status())
                .isEqualTo(200);
        assertThat(events()).isEqualTo(events + 1);
    }

    @Test
    void the_migration_links_warehouses_to_the_merchants_they_already_received_stock_for() throws IOException {
        // given a warehouse that received a merchant's stock before links existed (its history written as then)
        Api api = api();
        var merchant = api.register("merchants", "{\"name\":\"Old customer\"}");
        var factory = api.register("factories", "{\"name\":\"Plant\"}");
        var warehouse = api.register("warehouses", "{\"name\":\"Old DC\",\"zone\":\"north\"}");
        var stranger = api.register("warehouses", "{\"name\":\"Stranger DC\",\"zone\":\"north\"}");
        ParticipantId merchantId = ParticipantId.of(merchant.id());
        InventoryId legacy = InventoryId.of(merchantId, "LEGACY-1");
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "Inventory", legacy.toString(), 0, new InventoryOpened(legacy, merchantId, "LEGACY-1")),
                new GenericDomainEventMessage<>(
                        "Inventory",
                        legacy.toString(),
                        1,
                        new StockReceived(legacy, "LEGACY-1", ParticipantId.of(warehouse.id()), "north", 7, null)));
        product(merchant, factory, "LNK-2");
        assertThat(receive(warehouse, merchant.id(), "LNK-2").problemType()).isEqualTo("unknown-merchant");

        // when the migration runs
        int linkedNow = jdbc.update(migration());
        int linkedOnSecondRun = jdbc.update(migration());

        // then the warehouse serves that merchant (and may receive its other SKUs), a stranger still does not
        assertThat(linkedNow).isEqualTo(1);
        assertThat(linkedOnSecondRun).isZero();
        assertThat(receive(warehouse, merchant.id(), "LNK-2").status()).isEqualTo(201);
        assertThat(receive(stranger, merchant.id(), "LNK-2").problemType()).isEqualTo("unknown-merchant");
        ReadModels.awaitCaughtUp(eventStore, processing);
        assertThat(api.get(links(warehouse), Api.OPERATOR_KEY)
                        .json()
                        .get(0)
                        .get("merchantId")
                        .asString())
                .isEqualTo(merchant.id());
        // recorded as the platform's own doing
        List<String> metaData = jdbc.queryForList(
                "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE payload_type = 'io.livechain.participant.event.MerchantLinked'"
                        + " AND aggregate_identifier = ?",
                String.class,
                warehouse.id());
        assertThat(metaData).hasSize(1);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(metaData.getFirst())
                        .get("actorRole")
                        .asString())
                .isEqualTo("SYSTEM");
    }

    private static String migration() throws IOException {
        try (InputStream script = WarehouseLinkIT.class.getResourceAsStream(
                "/db/migration/V14__warehouses_linked_to_merchants_they_hold_stock_for.sql")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void product(Api.Registered merchant, Api.Registered factory, String sku) {
        var created = api().post("/api/v1/products", merchant.apiKey(), """
                {"sku":"%s","name":"P","factoryId":"%s","batchSize":10,"leadTimeHours":1}""".formatted(sku, factory.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Api.Response receive(Api.Registered warehouse, String merchantId, String sku) {
        return api().post(
                        "/api/v1/warehouse/receipts",
                        warehouse.apiKey(),
                        "{\"merchantId\":\"%s\",\"sku\":\"%s\",\"quantity\":10}".formatted(merchantId, sku));
    }

    private int onHand(Api.Registered merchant, String sku, long position) {
        JsonNode warehouses = api().get(Api.at("/api/v1/stock/" + sku, position), merchant.apiKey())
                .json()
                .get("warehouses");
        int total = 0;
        for (JsonNode warehouse : warehouses) {
            total += warehouse.get("onHand").asInt();
        }
        return total;
    }

    /** The events a receipt or a link would write (the platform's own reactions to other events are left out). */
    private long events() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type IN"
                        + " ('io.livechain.stock.event.StockReceived', 'io.livechain.participant.event.MerchantLinked',"
                        + " 'io.livechain.participant.event.MerchantUnlinked')",
                Long.class);
    }

    private static String link(Api.Registered warehouse, Api.Registered merchant) {
        return links(warehouse) + "/" + merchant.id();
    }

    private static String links(Api.Registered warehouse) {
        return "/api/v1/admin/warehouses/" + warehouse.id() + "/merchants";
    }
}
