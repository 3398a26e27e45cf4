package newsroom.search.alert.service;

import io.quarkus.security.identity.SecurityIdentity;
import newsroom.support.access.security.Callers;

/** Who is asking, as ownership sees it: the name subscriptions and feed tokens are owned by, and whether admin. */
public record Caller(String name, boolean admin) {
    public static Caller of(SecurityIdentity identity) {
        return new Caller(Callers.name(identity), Callers.isAdmin(identity));
    }

    /** An admin may see everything; anyone else only what it owns (rows without an owner are admin-only). */
    public boolean maySee(String owner) {
        return admin || name.equals(owner);
    }
}
