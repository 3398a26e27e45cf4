package newsroom.search.rest;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response, the page's files, the API's answers and its errors alike (set before any
 * handler runs, so a 401 from the security layer carries them too): a content security policy allowing only the
 * service's own files (no inline script, no framing), no MIME sniffing, no referrer (a feed URL's token must never
 * leave in one). Swagger UI and the dev UI (dev mode only) keep their own inline scripts, so they get no CSP.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(rc -> {
            MultiMap headers = rc.response().headers();
            String path = rc.normalizedPath();
            if (path == null || !(path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev-ui"))) {
                headers.set("Content-Security-Policy", CSP);
            }
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            rc.next();
        });
    }
}
