package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.sales.store.LiveStreamTimekeeper;
import io.livechain.web.Api;
import io.livechain.web.PlatformClock;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A live stream's window is binding by the clock, not only by what the merchant does: orders after its endsAt are
 * refused although nobody ended it, it cannot start after its endsAt, and a payment after the order's window is
 * refused although the window has not been swept yet. The test moves the platform's clock instead of waiting.
 */
@TestPropertySource(
        properties = {
            "livechain.desk.payment-window-sweep-interval=PT1H",
            "livechain.desk.live-stream-end-sweep-interval=PT1H"
        })
class StreamWindowIT extends PlatformIT {

    @TestConfiguration
    static class MovableTime {
        @Bean
        PlatformClock clock() {
            return new PlatformClock();
        }
    }

    @Autowired
    PlatformClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LiveStreamTimekeeper timekeeper;

    private SalesScenario sale;

    @BeforeEach
    void aMerchantWithStock() {
        sale = new SalesScenario(api());
    }

    @Test
    void orders_after_the_streams_end_are_refused_although_nobody_ended_it() {
        // given a stream on air for an hour, with stock
        sale.product("WIN-1");
        sale.receive(sale.northWarehouse, "WIN-1", 10);
        String stream = streamOnAir("WIN-1", Duration.ofHours(1));
        assertThat(sale.order(stream, "early", "WIN-1", 1).status()).isEqualTo(201);
        long admitted = admittedEvents();
        // when its endsAt passes and nobody ends it
        clock.advance(Duration.ofHours(1));
        var late = sale.order(stream, "late", "WIN-1", 1);
        var later = sale.order(stream, "later", "WIN-1", 1);
        // then both orders are refused, and nothing was admitted
        for (Api.Response refused : new Api.Response[] {late, later}) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.problemType()).isEqualTo("live-stream-not-live");
        }
        assertThat(admittedEvents()).isEqualTo(admitted);
    }

    @Test
    void a_stream_cannot_start_after_its_end() {
        // given a stream scheduled for the next hour that nobody started
        sale.product("WIN-2");
        String stream = schedule("WIN-2", Duration.ofHours(1));
        // when the merchant starts it once its endsAt has passed
        clock.advance(Duration.ofHours(2));
        var start = api().post("/api/v1/live-streams/" + stream + "/start", sale.merchant.apiKey(), "{}");
        // then
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.contentType()).startsWith("application/problem+json");
        assertThat(start.problemType()).isEqualTo("live-stream-over");
    }

    @Test
    void the_platform_ends_a_stream_whose_time_is_up_once_and_says_so() throws InterruptedException {
        // given a stream on air for an hour that nobody will end, and one scheduled for the next hour
        sale.product("WIN-4");
        String onAir = streamOnAir("WIN-4", Duration.ofHours(1));
        String later = schedule("WIN-4", Duration.ofHours(3));
        ReadModels.awaitQuiet(context);

        // when its endsAt passes and the platform looks for streams whose time is up
        clock.advance(Duration.ofHours(1));
        int ended = timekeeper.sweep();

        // then it ended that stream (and those of this class's other tests whose time is up), not the later one, as
        // the platform; the next look ends nothing
        assertThat(ended).isPositive();
        ReadModels.awaitQuiet(context);
        assertThat(status(onAir)).isEqualTo("ENDED");
        assertThat(status(later)).isEqualTo("SCHEDULED");
        assertThat(jdbc.queryForObject(
                        "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND payload_type = ?",
                        String.class,
                        onAir,
                        "io.livechain.sales.event.LiveStreamEnded"))
                .contains("SYSTEM")
                .contains("live-stream-clock");
        assertThat(timekeeper.sweep()).isZero();

        // and its merchant starting it again is told its time is over
        var start = api().post("/api/v1/live-streams/" + onAir + "/start", sale.merchant.apiKey(), "{}");
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.problemType()).isEqualTo("live-stream-over");
    }

    private String status(String stream) {
        return api().get("/api/v1/live-streams/" + stream, sale.merchant.apiKey())
                .json()
                .get("status")
                .asString();
    }

    @Test
    void a_payment_after_the_window_is_refused_before_the_window_is_swept() {
        // given an order placed with a one-minute payment window
        sale.product("WIN-3");
        sale.receive(sale.northWarehouse, "WIN-3", 10);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var created = api().post("/api/v1/live-streams", sale.merchant.apiKey(), """
                {"title":"Quick","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":1,
                 "offers":[{"sku":"WIN-3","price":19.90,"quantity":10,"perBuyerLimit":1,"allowBackorder":false}]}""".formatted(
                        now, now.plus(3, ChronoUnit.HOURS)));
        String stream = created.json().get("id").asString();
        assertThat(api().post("/api/v1/live-streams/" + stream + "/start", sale.merchant.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        String orderId = sale.order(stream, "slow", "WIN-3", 1).json().get("id").asString();
        // when the buyer pays after the window, before the sweep expires the order
        clock.advance(Duration.ofMinutes(1));
        var payment = api().post(
                        "/api/v1/orders/" + orderId + "/payments",
                        sale.merchant.apiKey(),
                        "{\"amount\":19.90,\"reference\":\"too-late\"}");
        // then
        assertThat(payment.status()).isEqualTo(409);
        assertThat(payment.problemType()).isEqualTo("payment-window-closed");
    }

    /** A stream from the platform's now, on air. */
    private String streamOnAir(String sku, Duration length) {
        String stream = schedule(sku, length);
        var started = api().post("/api/v1/live-streams/" + stream + "/start", sale.merchant.apiKey(), "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return stream;
    }

    private String schedule(String sku, Duration length) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var created =
                api().post("/api/v1/live-streams", sale.merchant.apiKey(), """
                {"title":"Window","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":30,
                 "offers":[{"sku":"%s","price":19.90,"quantity":10,"perBuyerLimit":5,"allowBackorder":false}]}""".formatted(now, now.plus(length), sku));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private long admittedEvents() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry"
                        + " WHERE payload_type = 'io.livechain.sales.event.OrderAdmitted'",
                Long.class);
    }
}
