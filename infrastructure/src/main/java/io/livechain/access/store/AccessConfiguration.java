package io.livechain.access.store;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.livechain.access.IdempotentRequests;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    AccessProperties.Idempotency.class,
    AccessProperties.Keys.class,
    AccessProperties.Operator.class
})
public class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    /** Recorded answers are kept at least {@code livechain.idempotency.retention} (24 hours by default). */
    @Bean
    public RecurringTask<Void> forgetOldIdempotentRequests(
            IdempotentRequests requests, Clock clock, AccessProperties.Idempotency settings) {
        return Tasks.recurring("forget-old-idempotent-requests", FixedDelay.of(Duration.ofMinutes(15)))
                .execute((instance, context) -> {
                    int forgotten = requests.forgetBefore(clock.instant().minus(settings.retention()));
                    if (forgotten > 0) {
                        log.info("Forgot {} idempotent answers older than {}", forgotten, settings.retention());
                    }
                });
    }
}
