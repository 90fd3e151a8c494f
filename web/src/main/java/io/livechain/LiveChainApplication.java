package io.livechain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** LiveChain: fulfillment for live-stream commerce. */
@SpringBootApplication
public class LiveChainApplication {

    public static void main(String[] args) {
        quiet();
        SpringApplication.run(LiveChainApplication.class, args);
    }

    /** A console that says what the platform does: no calling home, no library banners or advertisements, no tips. */
    public static void quiet() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }
}
