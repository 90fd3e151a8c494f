package io.livechain.web.warroom;

import static io.livechain.web.warroom.WarRoomScenario.LIPSTICK;
import static io.livechain.web.warroom.WarRoomScenario.SERUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The war room page in headless Chromium: it loads, logs in with the merchant's key, and shows a running sale's
 * figures changing by itself while buyers order over HTTP. Skipped where Chromium and chromedriver are not installed
 * ({@code .ci/run} installs them). With {@code -Dlivechain.screenshot=docs/war-room.png} it keeps a screenshot.
 */
class WarRoomBrowserIT extends PlatformIT {

    @BeforeEach
    void aBrowserIsInstalled() {
        assumeTrue(
                WarRoomBrowser.installed(),
                "needs Debian's chromium and chromedriver (apt-get install chromium chromium-driver)");
    }

    @Test
    void the_page_logs_in_and_shows_a_running_sales_figures_changing() {
        // given a stream on air with 40 lipsticks, and its war room open in a browser, logged in
        WarRoomScenario sale = new WarRoomScenario(api(), 40);
        ReadModels.awaitCaughtUp(context);
        try (WarRoomBrowser browser = WarRoomBrowser.open()) {
            browser.logIn("http://localhost:" + port + sale.page(), sale.merchant.apiKey());
            browser.awaitText(WarRoomBrowser.admitted(LIPSTICK), "0");
            assertThat(browser.text(By.id("stream-title"))).isEqualTo("Friday Glow Live");
            // the key stays in the tab, never in the address
            assertThat(browser.script("return sessionStorage.getItem('livechain.warRoom.apiKey')"))
                    .isEqualTo(sale.merchant.apiKey());

            // when 60 buyers order the lipstick and 12 the serum, eight at a time, while the page is open
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            try (ExecutorService buyers = Executors.newFixedThreadPool(8)) {
                for (int buyer = 1; buyer <= 60; buyer++) {
                    String name = "buyer-" + buyer;
                    answers.add(CompletableFuture.supplyAsync(
                            () -> sale.order(LIPSTICK, name).status(), buyers));
                }
                for (int buyer = 1; buyer <= 12; buyer++) {
                    String name = "fan-" + buyer;
                    answers.add(CompletableFuture.supplyAsync(
                            () -> sale.order(SERUM, name).status(), buyers));
                }
            }
            assertThat(answers.stream().map(CompletableFuture::join).filter(status -> status == 201))
                    .hasSize(52);
            ReadModels.awaitQuiet(context);

            // then the page shows them by itself: the lipstick sold out, the serums waiting for their batch
            browser.awaitText(WarRoomBrowser.admitted(LIPSTICK), "40");
            browser.awaitText(WarRoomBrowser.cell(LIPSTICK, "remaining"), "0");
            browser.awaitTextOtherThan(WarRoomBrowser.cell(LIPSTICK, "sold-out"), "–");
            browser.awaitText(WarRoomBrowser.cell(SERUM, "backordered"), "12");
            browser.awaitText(By.id("orders-placed"), "52");
            browser.awaitTextOtherThan(By.cssSelector(".backorder[data-sku='" + SERUM + "'] .batch"), "");
            // and the chart was drawn
            assertThat(browser.script("return window.Chart && Chart.getChart('intake-chart') !== undefined"))
                    .isEqualTo(true);
            browser.screenshot();
        }
    }

    @Test
    void a_key_that_is_not_the_merchants_is_refused_at_the_door() {
        // given a stream on air
        WarRoomScenario sale = new WarRoomScenario(api(), 5);
        ReadModels.awaitCaughtUp(context);
        try (WarRoomBrowser browser = WarRoomBrowser.open()) {

            // when someone logs in with a key that is not valid
            browser.logIn("http://localhost:" + port + sale.page(), "lc_not-a-key");

            // then the page says so, and keeps no key
            browser.awaitText(By.id("login-error"), "This API key is not valid (or no longer).");
            assertThat(browser.script("return sessionStorage.getItem('livechain.warRoom.apiKey')"))
                    .isNull();
        }
    }
}
