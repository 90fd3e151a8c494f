package io.livechain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import io.livechain.web.warroom.WarRoomBrowser;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo sale watched in its war room, in headless Chromium, from the address the demo prints: the burst, the
 * sell-out, the pre-sale's batch and the deliveries show up by themselves. With
 * {@code -Dlivechain.screenshot=docs/war-room.png} it keeps a screenshot of the page once every order is settled.
 * Skipped where Chromium and chromedriver are not installed.
 */
@TestPropertySource(
        properties = {
            "livechain.demo.enabled=true",
            "livechain.demo.buyers=240",
            "livechain.demo.concurrency=8",
            "livechain.demo.war-room-wait=5s"
        })
class DemoWarRoomIT extends PlatformIT {

    @Autowired
    DemoSale demo;

    @Test
    void the_demo_sale_can_be_watched_in_its_war_room() throws Exception {
        assumeTrue(
                WarRoomBrowser.installed(),
                "needs Debian's chromium and chromedriver (apt-get install chromium chromium-driver)");
        // given the demo's stream on air, and its war room open at the address the demo printed
        WarRoomLink link = demo.warRoom().get(2, TimeUnit.MINUTES);
        try (WarRoomBrowser browser = WarRoomBrowser.open()) {
            browser.logIn(link.url(), link.merchantKey());
            By lipstick = WarRoomBrowser.admitted(DemoScript.LIPSTICK);
            browser.awaitTextOtherThan(By.id("connection"), "connecting…");
            assertThat(browser.text(By.id("connection"))).isEqualTo("live");

            // when the demo has played the whole sale
            DemoSummary summary = demo.result().get(4, TimeUnit.MINUTES);
            assertThat(summary.success()).as(String.join("\n", summary.lines())).isTrue();
            ReadModels.awaitQuiet(context);

            // then the page shows, by itself, what the sale did: the lipstick's offer taken whole, every order where
            // the demo left it
            browser.awaitText(WarRoomBrowser.cell(DemoScript.LIPSTICK, "remaining"), "0");
            assertThat(browser.text(lipstick)).isNotEqualTo("0");
            browser.awaitTextOtherThan(WarRoomBrowser.cell(DemoScript.LIPSTICK, "sold-out"), "–");
            browser.awaitText(By.id("orders-delivered"), count(summary, "DELIVERED"));
            browser.awaitText(By.id("orders-returned"), count(summary, "RETURNED"));
            browser.awaitText(By.id("orders-cancelled"), count(summary, "CANCELLED"));
            browser.screenshot();
        }
    }

    private static String count(DemoSummary summary, String status) {
        return String.valueOf(summary.statuses().getOrDefault(status, 0));
    }
}
