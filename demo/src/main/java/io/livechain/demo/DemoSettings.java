package io.livechain.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's knobs ({@code livechain.demo.*}, see docs/demo.md).
 *
 * @param enabled run the demo sale once the application is ready
 * @param buyers how many simulated buyers try to order; offers and stock grow with them (at 400: offers of 200
 *     lipsticks and 120 serums, 150 + 100 lipsticks in stock), so both offers sell out at any size
 * @param concurrency how many buyers order at the same time
 * @param unpaidPercent the share of buyers who do not pay (the demo cancels their orders)
 * @param failedDeliveryPercent the share of deliveries where nobody is ever home (returned after 3 attempts)
 * @param timeout how long the demo waits for every order to be settled before it gives up
 * @param exit stop the application after the summary: exit code 0 on success, 1 otherwise
 * @param warRoomWait with the stream on air and its war room's address printed, how long the demo waits before the
 *     buyers start, so that the burst can be watched there
 */
@ConfigurationProperties("livechain.demo")
public record DemoSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("400") int buyers,
        @DefaultValue("16") int concurrency,
        @DefaultValue("5") int unpaidPercent,
        @DefaultValue("3") int failedDeliveryPercent,
        @DefaultValue("3m") Duration timeout,
        @DefaultValue("false") boolean exit,
        @DefaultValue("15s") Duration warRoomWait) {}
