package newsroom.search.alert.service;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.search.alert.config.AlertConfig;
import newsroom.support.net.ForbiddenAddressException;
import newsroom.support.net.OutboundAddressGuard;

/**
 * The shared SSRF guard ({@link OutboundAddressGuard}) with this service's allow-list,
 * {@code newsroom.alerts.webhook-allow-hosts}. Checked when a subscription is saved and again before every delivery,
 * and the delivery connects to the address that check vetted ({@link newsroom.search.alert.messaging.WebhookSender}).
 */
@ApplicationScoped
public class WebhookAddressGuard {
    private final OutboundAddressGuard guard;

    public WebhookAddressGuard(AlertConfig config) {
        this.guard = new OutboundAddressGuard(config.webhookAllowHosts(), "newsroom.alerts.webhook-allow-hosts");
    }

    /** @return null when the URL may be called, else why not */
    public String problem(String url) {
        try {
            guard.check(url);
            return null;
        } catch (ForbiddenAddressException e) {
            return e.getMessage();
        }
    }

    public OutboundAddressGuard outbound() {
        return guard;
    }
}
