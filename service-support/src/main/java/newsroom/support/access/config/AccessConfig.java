package newsroom.support.access.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Access control settings ({@code newsroom.access.*}), shared by the three services. */
@ConfigMapping(prefix = "newsroom.access")
public interface AccessConfig {

    /**
     * SHA-256 (hex) of an admin key to create at start when no key with that hash exists yet: how the launcher's
     * first admin key gets in. Revoked, it is not created again.
     */
    Optional<String> bootstrapAdminKeySha256();

    /** How long an instance trusts what it read about a key: revocation reaches every instance within this. */
    @WithDefault("2s")
    Duration keyCacheTtl();

    /** This service's name in the audit log. */
    @WithDefault("${quarkus.application.name}")
    String service();

    RateLimit rateLimit();

    /** OIDC bearer tokens beside the keys; the server settings are Quarkus' own ({@code quarkus.oidc.*}). */
    Oidc oidc();

    interface Oidc {
        /** Off unless a deployment has an identity provider (drives {@code quarkus.oidc.tenant-enabled}). */
        @WithDefault("false")
        boolean enabled();

        /** The token claim holding the roles (drives {@code quarkus.oidc.roles.role-claim-path}). */
        @WithDefault("roles")
        String roleClaim();

        /**
         * The search service's web page signs people in through the identity provider (the authorization code
         * flow, tenant {@code web}, {@code quarkus.oidc.web.*}) beside asking for a key. Independent of
         * {@link #enabled()}: a deployment may want one without the other.
         */
        @WithDefault("false")
        boolean webPage();
    }

    interface RateLimit {
        /** Off in the nlp-service (the design asks it of ingest and search only). */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests a second per key. */
        @WithDefault("50")
        double perSecond();

        /** Requests a key may make at once above the sustained rate. */
        @WithDefault("200")
        int burst();
    }
}
