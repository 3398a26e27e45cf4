package newsroom.ingest.service;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import newsroom.ingest.config.IngestConfig;
import newsroom.support.net.ForbiddenAddressException;
import newsroom.support.net.OutboundAddressGuard;

/**
 * The shared SSRF guard ({@link OutboundAddressGuard}) with this service's allow-list,
 * {@code newsroom.ingest.feeds.allowed-hosts}. Checked at registration and again before every fetch and every
 * redirect, and the fetch connects to the address the check vetted ({@link newsroom.support.net.PinnedHttpClient}).
 */
@ApplicationScoped
public class FeedAddressGuard {
    private final OutboundAddressGuard guard;

    public FeedAddressGuard(IngestConfig config) {
        this.guard = new OutboundAddressGuard(config.feeds().allowedHosts().orElse(List.of()),
                "newsroom.ingest.feeds.allowed-hosts");
    }

    /** @throws ForbiddenAddressException when the URL may not be fetched */
    public OutboundAddressGuard.Target check(URI uri) {
        return guard.check(uri);
    }

    public OutboundAddressGuard outbound() {
        return guard;
    }
}
