package newsroom.ingest.service;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;

import newsroom.ingest.ArticleSubmission;
import newsroom.ingest.BatchItem;
import newsroom.ingest.BatchItemResult;
import newsroom.ingest.FeedView;
import newsroom.ingest.config.IngestConfig;
import newsroom.ingest.repository.FeedRecord;
import newsroom.support.net.ForbiddenAddressException;
import newsroom.support.net.PinnedHttpClient;

/**
 * Polls RSS 2.0 / Atom 1.0 feeds (parsed with Rome): conditional GET (ETag / Last-Modified), a per-host minimum
 * interval, exponential backoff after failures, bounded size and time, the SSRF guard before every request and
 * redirect, each connection pinned to the address the guard vetted. Items go through the same intake as REST
 * articles, as one batch per poll, tagged with the feed id.
 */
@ApplicationScoped
public class FeedPoller {
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final int MAX_REDIRECTS = 3;

    private final IngestConfig config;
    private final ArticleIntake intake;
    private final PinnedHttpClient http;
    private final Map<String, Instant> lastFetchByHost = new ConcurrentHashMap<>();

    public FeedPoller(IngestConfig config, FeedAddressGuard guard, ArticleIntake intake, Vertx vertx) {
        this.config = config;
        this.intake = intake;
        // connects to the address the guard vetted, for the first request and every redirect: no DNS rebinding
        this.http = new PinnedHttpClient(vertx, guard.outbound(), config.feeds().connectTimeout());
    }

    /** What one poll found. */
    public enum Outcome {
        polled, deferred
    }

    @Scheduled(every = "${newsroom.ingest.feeds.tick:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDueFeeds() {
        if (!config.feeds().pollerEnabled()) {
            return;
        }
        List<String> due = QuarkusTransaction.requiringNew().call(() -> FeedRecord.<FeedRecord>find(
                "nextPollAt <= ?1 order by nextPollAt", Instant.now()).page(0, 50).list().stream().map(f -> f.id).toList());
        for (String id : due) {
            try {
                poll(id);
            } catch (RuntimeException e) {
                LOG.warnf("feed %s: poll failed: %s", id, e.toString());
            }
        }
    }

    /**
     * Polls one feed now, unless its host was fetched less than the per-host minimum interval ago.
     * @return the feed after the poll, or empty when it does not exist
     */
    public Optional<Result> poll(String feedId) {
        FeedRecord feed = QuarkusTransaction.requiringNew().call(() -> FeedRecord.<FeedRecord>findById(feedId));
        if (feed == null) {
            return Optional.empty();
        }
        URI uri = URI.create(feed.url);
        if (!reserveHost(uri.getHost())) {
            return Optional.of(new Result(Outcome.deferred, FeedView.of(feed)));
        }
        Fetch fetch = fetch(feed);
        return Optional.of(new Result(Outcome.polled, record(feedId, fetch)));
    }

    public record Result(Outcome outcome, FeedView feed) {
    }

    /** Takes the host's slot if the minimum interval since its last fetch has passed. */
    private boolean reserveHost(String host) {
        Duration min = config.feeds().perHostMinInterval();
        Instant now = Instant.now();
        boolean[] reserved = {false};
        lastFetchByHost.compute(host.toLowerCase(Locale.ROOT), (h, last) -> {
            if (last == null || !now.isBefore(last.plus(min))) {
                reserved[0] = true;
                return now;
            }
            return last;
        });
        return reserved[0];
    }

    /** The result of one visit, before it is written down. */
    record Fetch(String status, Integer httpStatus, String error, String etag, String lastModified,
            List<BatchItemResult> results, int items) {
    }

    Fetch fetch(FeedRecord feed) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", "newsroom-ingest/1.0 (feed poller)");
            headers.put("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
            if (feed.etag != null) {
                headers.put("If-None-Match", feed.etag);
            }
            if (feed.lastModified != null) {
                headers.put("If-Modified-Since", feed.lastModified);
            }
            PinnedHttpClient.Response response = http.send(PinnedHttpClient.Request.get(URI.create(feed.url), headers,
                    config.feeds().requestTimeout(), config.feeds().maxBytes(), MAX_REDIRECTS));
            int code = response.status();
            if (code == 304) {
                return new Fetch("not-modified", 304, null, feed.etag, feed.lastModified, List.of(), 0);
            }
            if (code != 200) {
                return new Fetch("error", code, "HTTP " + code, feed.etag, feed.lastModified, List.of(), 0);
            }
            SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
            List<BatchItem> items = new ArrayList<>();
            for (SyndEntry entry : parsed.getEntries()) {
                if (items.size() >= config.feeds().maxItems()) {
                    break;
                }
                items.add(BatchItem.of(items.size(), toSubmission(entry, feed.source, parsed.getLanguage())));
            }
            List<BatchItemResult> results = intake.submitAll(items, feed.id);
            return new Fetch("ok", 200, null, response.header("ETag").orElse(null),
                    response.header("Last-Modified").orElse(null), results, items.size());
        } catch (ForbiddenAddressException e) {
            return new Fetch("refused", null, e.getMessage(), feed.etag, feed.lastModified, List.of(), 0);
        } catch (HttpTimeoutException e) {
            return new Fetch("error", null, "timed out: " + e.getMessage(), feed.etag, feed.lastModified, List.of(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetch("error", null, "interrupted", feed.etag, feed.lastModified, List.of(), 0);
        } catch (Exception e) { // unreadable XML, not a feed, connection refused, too large...
            return new Fetch("error", null, e.getClass().getSimpleName() + ": " + e.getMessage(), feed.etag,
                    feed.lastModified, List.of(), 0);
        }
    }

    private FeedView record(String feedId, Fetch fetch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedRecord f = FeedRecord.findById(feedId);
            if (f == null) { // deleted while we were fetching
                return null;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            f.lastPolledAt = now;
            f.lastStatus = fetch.status();
            f.lastHttpStatus = fetch.httpStatus();
            f.lastError = fetch.error();
            f.etag = fetch.etag();
            f.lastModified = fetch.lastModified();
            boolean failed = fetch.status().equals("error") || fetch.status().equals("refused");
            if (failed) {
                f.consecutiveFailures++;
                f.nextPollAt = now.plus(backoff(f.pollIntervalSeconds, f.consecutiveFailures));
            } else {
                f.consecutiveFailures = 0;
                f.nextPollAt = now.plusSeconds(f.pollIntervalSeconds);
            }
            if (fetch.status().equals("ok")) {
                f.lastItems = fetch.items();
                f.lastAccepted = count(fetch.results(), "accepted");
                f.lastDuplicates = count(fetch.results(), "duplicate");
                f.lastRejected = count(fetch.results(), "rejected");
                f.totalAccepted += f.lastAccepted;
            } else {
                f.lastItems = 0;
                f.lastAccepted = 0;
                f.lastDuplicates = 0;
                f.lastRejected = 0;
            }
            return FeedView.of(f);
        });
    }

    /** interval × 2^failures, capped. */
    Duration backoff(int intervalSeconds, int failures) {
        long factor = 1L << Math.min(failures, 20);
        Duration delay = Duration.ofSeconds(intervalSeconds).multipliedBy(factor);
        return delay.compareTo(config.feeds().maxBackoff()) > 0 ? config.feeds().maxBackoff() : delay;
    }

    private static int count(List<BatchItemResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().name().equals(status)).count();
    }

    static ArticleSubmission toSubmission(SyndEntry entry, String source, String feedLanguage) {
        String body = null;
        if (entry.getContents() != null && !entry.getContents().isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (SyndContent content : entry.getContents()) {
                if (content.getValue() != null) {
                    text.append(content.getValue()).append("\n\n");
                }
            }
            body = text.toString();
        }
        if ((body == null || body.isBlank()) && entry.getDescription() != null) {
            body = entry.getDescription().getValue();
        }
        if (body == null || body.isBlank()) {
            body = entry.getTitle(); // link-only items: the headline is all the text there is
        }
        String link = entry.getLink() != null ? entry.getLink() : entry.getUri();
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String language = feedLanguage != null && feedLanguage.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
                ? feedLanguage.strip() : null;
        return new ArticleSubmission(link == null ? null : link.strip(), source, entry.getTitle() == null ? null : entry.getTitle().strip(),
                body, date == null ? null : date.toInstant(), language);
    }
}
