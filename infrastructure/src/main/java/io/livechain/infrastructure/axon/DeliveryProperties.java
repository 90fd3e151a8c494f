package io.livechain.infrastructure.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Couriers' claims ({@code livechain.delivery.*}, ADR 0008).
 *
 * @param claimTimeout a claimed delivery not picked up by then is offered again
 * @param maxOpenClaims most deliveries one courier may hold claimed and not yet delivered
 * @param reclaimCooldown how long a courier whose claim lapsed waits before claiming that delivery again
 */
@ConfigurationProperties("livechain.delivery")
public record DeliveryProperties(
        @DefaultValue("PT15M") Duration claimTimeout,
        @DefaultValue("5") int maxOpenClaims,
        @DefaultValue("PT15M") Duration reclaimCooldown) {}
