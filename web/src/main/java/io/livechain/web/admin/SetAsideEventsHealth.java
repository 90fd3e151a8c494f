package io.livechain.web.admin;

import io.livechain.operations.SetAsideEvents;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The read models in health: set-aside events do not make the platform unready (every other view is current), so
 * the status stays up and the details say how many wait for the operator.
 */
@Component("readModels")
class SetAsideEventsHealth implements HealthIndicator {

    private final SetAsideEvents setAsideEvents;

    SetAsideEventsHealth(SetAsideEvents setAsideEvents) {
        this.setAsideEvents = setAsideEvents;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("setAsideEvents", setAsideEvents.count())
                .withDetail("list", "/api/v1/admin/set-aside-events")
                .build();
    }
}
