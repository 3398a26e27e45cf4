package newsroom.support.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * HTTP client for URLs users give (feeds, webhooks) that connects only to the address {@link OutboundAddressGuard}
 * vetted: each exchange is sent to that address ({@code RequestOptions.setServer}) while TLS (SNI, certificate
 * host check) and the Host header use the URL's host name. The JDK client cannot do that, it resolves the name
 * again when it connects, which lets a DNS answer that changes after the check (rebinding) reach an internal address.
 * Redirects are followed by hand, each hop checked and pinned anew.
 */
public final class PinnedHttpClient implements AutoCloseable {
    private final Vertx vertx;
    private final OutboundAddressGuard guard;
    private final HttpClient client;

    /** One exchange to make; {@code maxBodyBytes} 0 discards the answer's body. */
    public record Request(HttpMethod method, URI uri, Map<String, String> headers, byte[] body, Duration timeout,
            long maxBodyBytes, int maxRedirects) {

        public static Request get(URI uri, Map<String, String> headers, Duration timeout, long maxBodyBytes,
                int maxRedirects) {
            return new Request(HttpMethod.GET, uri, headers, null, timeout, maxBodyBytes, maxRedirects);
        }

        public static Request post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
            return new Request(HttpMethod.POST, uri, headers, body, timeout, 0, 0);
        }
    }

    /** The answer of the last hop. */
    public record Response(int status, URI uri, MultiMap headers, byte[] body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    public PinnedHttpClient(Vertx vertx, OutboundAddressGuard guard, Duration connectTimeout) {
        this(vertx, guard, connectTimeout, new HttpClientOptions());
    }

    /** With base options, e.g. a test's trust store; TLS host verification stays on whatever they say. */
    PinnedHttpClient(Vertx vertx, OutboundAddressGuard guard, Duration connectTimeout, HttpClientOptions base) {
        this.vertx = vertx;
        this.guard = guard;
        this.client = vertx.createHttpClient(new HttpClientOptions(base)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .setVerifyHost(true)
                .setTrustAll(false)
                // one connection per exchange: a pooled connection could outlive the check it was vetted by, and a
                // peer that closed it while idle would swallow the next request until the timeout
                .setKeepAlive(false));
    }

    /**
     * Sends the request and waits for the whole answer, following up to {@code maxRedirects} redirects (each target
     * checked by the guard and pinned).
     *
     * @throws ForbiddenAddressException when the URL, or one it redirects to, may not be called
     * @throws HttpTimeoutException when an exchange takes longer than the request's timeout
     * @throws IOException when the connection fails or the body is larger than allowed
     */
    public Response send(Request request) throws IOException, InterruptedException {
        URI uri = request.uri();
        for (int hop = 0;; hop++) {
            OutboundAddressGuard.Target target = guard.check(uri);
            Response response = await(exchange(target, request), request.timeout());
            int code = response.status();
            Optional<String> location = response.header("Location");
            if (code >= 300 && code < 400 && code != 304 && location.isPresent() && hop < request.maxRedirects()) {
                uri = uri.resolve(location.get().strip());
                continue;
            }
            return response;
        }
    }

    /**
     * One exchange, without redirects, completed off the caller's thread. The guard (and its name resolution) runs on
     * the calling thread, before this returns.
     *
     * @throws ForbiddenAddressException when the URL may not be called
     */
    public CompletionStage<Response> sendAsync(Request request) {
        OutboundAddressGuard.Target target = guard.check(request.uri());
        return exchange(target, request).toCompletionStage();
    }

    private Future<Response> exchange(OutboundAddressGuard.Target target, Request request) {
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(request.timeout().toMillis());
        if (request.headers() != null) {
            request.headers().forEach(options::addHeader);
        }
        Promise<Response> promise = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(Math.max(1, request.timeout().toMillis()), id -> {
            if (promise.tryFail(new HttpTimeoutException("no complete answer from " + target.host() + " within "
                    + request.timeout().toMillis() + " ms"))) {
                HttpClientRequest r = sent.get();
                if (r != null) {
                    r.reset();
                }
            }
        });
        client.request(options).onFailure(promise::tryFail).onSuccess(r -> {
            sent.set(r);
            Future<io.vertx.core.http.HttpClientResponse> answer = request.body() == null ? r.send()
                    : r.send(Buffer.buffer(request.body()));
            answer.onFailure(promise::tryFail).onSuccess(resp -> {
                Buffer body = Buffer.buffer();
                resp.exceptionHandler(promise::tryFail);
                resp.handler(chunk -> {
                    if (request.maxBodyBytes() > 0) {
                        if (body.length() + chunk.length() > request.maxBodyBytes()) {
                            if (promise.tryFail(new IOException("the answer is larger than " + request.maxBodyBytes()
                                    + " bytes"))) {
                                r.reset();
                            }
                            return;
                        }
                        body.appendBuffer(chunk);
                    }
                });
                resp.endHandler(v -> promise.tryComplete(new Response(resp.statusCode(), target.uri(),
                        resp.headers(), body.getBytes())));
            });
        });
        return promise.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private static Response await(Future<Response> future, Duration timeout) throws IOException, InterruptedException {
        try {
            // the exchange fails itself after the timeout; the margin only guards against a lost callback
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause.toString(), cause);
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
        }
    }

    /** Headers as an ordered map, for callers that keep them. */
    public static Map<String, List<String>> toMap(MultiMap headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : headers.names()) {
            map.put(name, headers.getAll(name));
        }
        return map;
    }

    @Override
    public void close() {
        client.close();
    }
}
