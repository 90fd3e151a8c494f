package io.livechain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** LiveChain: fulfillment for live-stream commerce. */
@SpringBootApplication
public class LiveChainApplication {

    public static void main(String[] args) {
        // Axon would otherwise call home at startup.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(LiveChainApplication.class, args);
    }
}
