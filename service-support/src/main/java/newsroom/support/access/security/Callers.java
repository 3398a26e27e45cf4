package newsroom.support.access.security;

import io.quarkus.security.identity.SecurityIdentity;
import newsroom.support.access.Role;

/** The caller as the audit log and ownership name it. */
public final class Callers {
    private Callers() {
    }

    /** The principal's name: an API key's name, an OIDC token's principal claim. */
    public static String name(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public static boolean isAdmin(SecurityIdentity identity) {
        return identity != null && identity.hasRole(Role.ADMIN_NAME);
    }
}
