package newsroom.search.alert.service;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import newsroom.search.alert.repository.AlertSubscription;

/**
 * Webhook secrets stored in clear before encryption at rest are encrypted at start when a key is configured. Without
 * a key they stay as they are and are never used: deliveries to those webhooks fail with the reason (the dispatcher
 * refuses to sign with a clear-text secret) until the key is configured or the subscription replaced.
 */
@ApplicationScoped
public class ClearSecretsMigration {
    private static final Logger LOG = Logger.getLogger(ClearSecretsMigration.class);

    private final WebhookSecrets secrets;

    public ClearSecretsMigration(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        List<AlertSubscription> clear = AlertSubscription.list("webhookSecret is not null and webhookSecret not like ?1",
                WebhookSecrets.PREFIX + "%");
        if (clear.isEmpty()) {
            return;
        }
        if (!secrets.configured()) {
            LOG.warnf("%d subscription(s) keep a webhook secret in clear and will not be delivered to until "
                    + "newsroom.alerts.webhook-secret-key is configured", clear.size());
            return;
        }
        clear.forEach(s -> s.webhookSecret = secrets.encrypt(s.id, s.webhookSecret));
        LOG.infof("encrypted the webhook secrets of %d subscription(s) kept in clear", clear.size());
    }
}
