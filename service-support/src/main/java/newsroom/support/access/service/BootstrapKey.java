package newsroom.support.access.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.support.access.config.AccessConfig;

/** At start, the configured bootstrap admin key (by its hash) is made if it never was. */
@ApplicationScoped
public class BootstrapKey {
    void onStart(@Observes StartupEvent event, AccessConfig config, ApiKeys keys) {
        config.bootstrapAdminKeySha256().filter(h -> !h.isBlank()).ifPresent(keys::ensureBootstrapKey);
    }
}
