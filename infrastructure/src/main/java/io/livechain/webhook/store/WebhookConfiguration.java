package io.livechain.webhook.store;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.livechain.notification.NotificationFeed;
import io.livechain.webhook.RetryPolicy;
import io.livechain.webhook.WebhookSubscriptions;
import io.livechain.webhook.WebhookTargets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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

    /**
     * The key of the signing secrets at rest ({@link SecretsKeys}): {@code livechain.webhooks.secrets-key}, or a key
     * file of {@code livechain.data-dir} on the embedded database (no {@code spring.datasource.url}) or in local
     * development.
     */
    @Bean
    public SecretCipher webhookSecretCipher(WebhookProperties settings, Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return SecretsKeys.cipher(
                settings,
                environment.getProperty("livechain.local-development", Boolean.class, false),
                url == null || url.isBlank(),
                Path.of(environment.getProperty("livechain.data-dir", ".livechain")));
    }

    /** Encrypts, at start, what was stored in clear or with an earlier key. */
    @Bean
    public SecretsReencryption webhookSecretsReencryption(DSLContext db, SecretCipher cipher) {
        return new SecretsReencryption(db, cipher);
    }

    @Bean
    public WebhookSubscriptions webhookSubscriptions(
            DSLContext db, WebhookTargets targets, NotificationFeed feed, SecretCipher cipher, Clock clock) {
        return new JooqWebhookSubscriptions(db, targets, feed, cipher, clock);
    }

    @Bean
    public WebhookDispatcher webhookDispatcher(
            DSLContext db,
            NotificationFeed feed,
            WebhookTargets targets,
            RetryPolicy retry,
            WebhookProperties settings,
            JsonMapper json,
            SecretCipher cipher,
            Clock clock) {
        return new WebhookDispatcher(db, feed, targets, retry, settings, json, cipher, clock);
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
