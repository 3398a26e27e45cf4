package newsroom.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Answers a request whose declared Content-Length is over the HTTP limit with a JSON 413 before anything reads it
 * (the HTTP layer's own refusal has an empty body). Chunked requests are bounded while they are read.
 */
@ApplicationScoped
public class RequestSizeGuard {
    private final long maxBodyBytes;

    public RequestSizeGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > maxBodyBytes) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"error\":\"request too large\",\"details\":[\"request: " + length
                                + " bytes is over the limit of " + maxBodyBytes + " bytes\"]}");
                return;
            }
            ctx.next();
        });
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }
}
