package newsroom.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

import newsroom.ingest.config.IngestConfig;

/**
 * Request size limits per endpoint. A request whose declared Content-Length is over its endpoint's limit gets a JSON
 * 413 before anything reads it (the HTTP layer's own refusal has an empty body). Requests without a declared length
 * are counted while they are read ({@link LimitedInputStream}) by the endpoints that read them as a stream.
 *
 * <p>Limits: {@code POST /api/articles} {@code newsroom.ingest.requests.max-article-request}; {@code /api/feeds}
 * {@code newsroom.ingest.requests.max-feed-request}; the batch endpoint {@code max-batch-request}; anything else the
 * HTTP layer's {@code quarkus.http.limits.max-body-size}, which sits just above the batch limit (when it trips first,
 * it answers an empty 413 itself).
 */
@ApplicationScoped
public class RequestSizeGuard {
    private final long maxBodyBytes;
    private final long batchLimit;
    private final long articleLimit;
    private final long feedLimit;

    public RequestSizeGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            IngestConfig config) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.batchLimit = Math.min(maxBodyBytes, config.requests().maxBatchRequest().asLongValue());
        this.articleLimit = Math.min(maxBodyBytes, config.requests().maxArticleRequest().asLongValue());
        this.feedLimit = Math.min(maxBodyBytes, config.requests().maxFeedRequest().asLongValue());
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
            long limit = limitFor(ctx.request().method(), ctx.normalizedPath());
            if (length > limit) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"error\":\"request too large\",\"details\":[\"request: " + length
                                + " bytes is over the limit of " + limit + " bytes for this endpoint\"]}");
                return;
            }
            ctx.next();
        });
    }

    long limitFor(HttpMethod method, String path) {
        String p = path == null ? "" : path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (HttpMethod.POST.equals(method) && p.equals("/api/articles")) {
            return articleLimit;
        }
        if (p.equals("/api/articles/batch")) {
            return batchLimit;
        }
        if (p.equals("/api/feeds") || p.startsWith("/api/feeds/")) {
            return feedLimit;
        }
        return maxBodyBytes;
    }

    /** The HTTP layer's limit: a backstop above every endpoint's own. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The largest request the batch endpoint takes. */
    public long batchLimit() {
        return batchLimit;
    }

    /** The largest request {@code POST /api/articles} takes. */
    public long articleLimit() {
        return articleLimit;
    }

    public long feedLimit() {
        return feedLimit;
    }
}
