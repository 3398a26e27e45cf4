package newsroom.search.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import newsroom.support.access.config.AccessConfig;
import newsroom.support.access.security.ApiKeyMechanism;

/**
 * The web page's sign-in through the deployment's identity provider (OIDC authorization code flow, Quarkus tenant
 * {@value #TENANT}), when {@code newsroom.access.oidc.web-page=true}; the page asks for a key otherwise, and beside it.
 *
 * <p>{@code /login} and {@code /logout} belong to the flow (HTTP permission {@code page-sign-in}); an API call belongs
 * to it only when it carries the session cookie and no credentials of its own, so a key or a bearer token always
 * means what it says. The session cookie is {@code SameSite=Strict}: another site's page cannot make calls with it.
 * The page learns whether sign-in exists from {@code /sign-in.json}, public like the page's own files.
 */
@ApplicationScoped
public class PageSignIn implements TenantResolver {
    static final String TENANT = "web";
    private static final String SESSION_COOKIE = "q_session_" + TENANT; // Quarkus' name, chunks add a suffix

    private final boolean enabled;

    PageSignIn(AccessConfig config) {
        this.enabled = config.oidc().webPage();
    }

    @Override
    public String resolve(RoutingContext context) {
        if (!enabled) {
            return null;
        }
        String path = context.normalizedPath();
        if ("/login".equals(path) || "/logout".equals(path)) {
            return TENANT;
        }
        HttpServerRequest request = context.request();
        boolean ownCredentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(ApiKeyMechanism.HEADER) != null;
        return !ownCredentials && hasSession(request) ? TENANT : null; // null: the default (bearer) tenant
    }

    void routes(@Observes Router router) {
        String answer = enabled ? "{\"signIn\":\"/login\",\"signOut\":\"/logout\"}" : "{\"signIn\":null,\"signOut\":null}";
        router.get("/sign-in.json").handler(rc -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(answer));
        // Reached only signed in (the permission runs first): on to the page, so its address bar holds no code
        router.get("/login").handler(rc -> rc.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end());
    }

    private static boolean hasSession(HttpServerRequest request) {
        for (Cookie cookie : request.cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
