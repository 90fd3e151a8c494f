package io.livechain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo sale, played end to end on a real PostgreSQL at a small scale. */
@TestPropertySource(
        properties = {
            "livechain.demo.enabled=true",
            "livechain.demo.buyers=80",
            "livechain.demo.concurrency=8",
            "livechain.demo.war-room-wait=0s"
        })
class DemoSaleIT extends PlatformIT {

    private static final List<String> SETTLED = List.of("DELIVERED", "RETURNED", "CANCELLED", "EXPIRED");

    @Autowired
    DemoSale demo;

    @Test
    void the_demo_sale_settles_every_order_without_overselling() throws Exception {
        // given the platform started with the demo enabled

        // when the demo has played every role
        DemoSummary summary = demo.result().get(4, TimeUnit.MINUTES);

        // then every placed order is settled and nothing was oversold
        assertThat(summary.success()).as(String.join("\n", summary.lines())).isTrue();
        assertThat(summary.oversold()).isZero();
        assertThat(summary.placed()).isPositive();
        assertThat(summary.reserved()).isPositive();
        assertThat(summary.soldOut()).isPositive();
        assertThat(summary.backordered()).isPositive();
        assertThat(summary.batches()).isPositive();
        assertThat(summary.delivered()).isPositive();
        assertThat(summary.statuses().keySet()).isSubsetOf(SETTLED);
        assertThat(summary.statuses().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(summary.placed());

        // and the API, asked independently, agrees
        ReadModels.awaitQuiet(context);
        Api api = api();
        List<JsonNode> orders = orders(api, summary);
        assertThat(orders).hasSize((int) summary.placed());
        assertThat(orders)
                .extracting(order -> order.get("status").asString())
                .allMatch(status ->
                        List.of("DELIVERED", "RETURNED", "CANCELLED", "EXPIRED").contains(status));
        JsonNode stream = api.get("/api/v1/live-streams/" + summary.liveStreamId(), summary.merchantApiKey())
                .json();
        for (JsonNode offer : stream.get("offers")) {
            assertThat(offer.get("admitted").asInt())
                    .isLessThanOrEqualTo(offer.get("quantity").asInt());
        }

        // and the order the summary points at tells its story, from the pre-sale backorder to the door
        var timeline = api.get("/api/v1/orders/" + summary.timelineOrderId() + "/timeline", summary.merchantApiKey());
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body()).contains("OrderPlaced", "BackorderFilled", "OrderPaid", "OrderDelivered");
        assertThat(summary.timelineCommand()).contains(summary.timelineOrderId(), summary.merchantApiKey());
    }

    private static List<JsonNode> orders(Api api, DemoSummary summary) {
        List<JsonNode> orders = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/orders?liveStreamId=" + summary.liveStreamId() + "&limit=50"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            summary.merchantApiKey())
                    .json();
            page.get("items").forEach(orders::add);
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return orders;
    }
}
