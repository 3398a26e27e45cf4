package newsroom.support.access.security;

import java.util.HashSet;
import java.util.Set;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.support.access.Role;

/**
 * Gives an OIDC identity the roles below the ones its token names (an "admin" claim may read), as API keys get them
 * from {@link Role#grants()}. Role names a token carries that are not ours are dropped.
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(ApiKeyIdentityProvider.KEY_ID) != null) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = new HashSet<>();
        for (Role role : Role.values()) {
            if (identity.hasRole(role.id())) {
                roles.addAll(role.grants());
            }
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes()).addRoles(roles)
                .setAnonymous(false);
        return Uni.createFrom().item(builder.build());
    }
}
