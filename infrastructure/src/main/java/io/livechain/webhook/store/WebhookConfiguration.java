package io.livechain.webhook.store;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.livechain.notification.NotificationFeed;
import io.livechain.webhook.RetryPolicy;
import io.livechain.webhook.WebhookSubscriptions;
import io.livechain.webhook.WebhookTargets;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    public WebhookTargets webhookTargets(WebhookProperties settings) {
        if (settings.allowPrivateTargets()) {
            log.warn(
                    "Webhooks may be sent to loopback and private addresses (livechain.webhooks.allow-private-targets):"
                            + " only for local development and tests");
        }
        return new WebhookTargets(settings.allowPrivateTargets());
    }

    @Bean
    public RetryPolicy webhookRetryPolicy(WebhookProperties settings) {
        var retry = settings.retry();
        return new RetryPolicy(
                retry.initialDelay(), retry.maxDelay(), retry.disableAfterFailures(), retry.disableAfter());
    }

    @Bean
    public WebhookSubscriptions webhookSubscriptions(
            DSLContext db, WebhookTargets targets, NotificationFeed feed, Clock clock) {
        return new JooqWebhookSubscriptions(db, targets, feed, clock);
    }

    @Bean
    public WebhookDispatcher webhookDispatcher(
            DSLContext db,
            NotificationFeed feed,
            WebhookTargets targets,
            RetryPolicy retry,
            WebhookProperties settings,
            JsonMapper json,
            Clock clock) {
        return new WebhookDispatcher(db, feed, targets, retry, settings, json, clock);
    }

    /** Delivery attempts are kept {@code livechain.webhooks.log-retention} (7 days by default). */
    @Bean
    public RecurringTask<Void> forgetOldWebhookAttempts(WebhookDispatcher dispatcher, WebhookProperties settings) {
        return Tasks.recurring("forget-old-webhook-attempts", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int forgotten = dispatcher.forgetOldAttempts();
                    if (forgotten > 0) {
                        log.info(
                                "Forgot {} webhook delivery attempts older than {}",
                                forgotten,
                                settings.logRetention());
                    }
                });
    }
}
