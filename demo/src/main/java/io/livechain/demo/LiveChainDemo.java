package io.livechain.demo;

import io.livechain.LiveChainApplication;
import java.util.Map;
import org.springframework.boot.SpringApplication;

/**
 * The platform with the demo sale on: {@code java -jar demo/target/livechain-demo.jar}. The product's own jar
 * ({@code web/target/livechain.jar}) holds no demo code.
 */
public final class LiveChainDemo {

    private LiveChainDemo() {}

    public static void main(String[] args) {
        LiveChainApplication.quiet();
        SpringApplication application = new SpringApplication(LiveChainApplication.class);
        // the lowest precedence: --livechain.demo.enabled=false or LIVECHAIN_DEMO_ENABLED=false still turn it off
        // the demo runs on a developer's machine: its published operator key is accepted there, and only there
        application.setDefaultProperties(
                Map.of("livechain.demo.enabled", "true", "livechain.local-development", "true"));
        application.run(args);
    }
}
