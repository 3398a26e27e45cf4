package newsroom.ingest.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import newsroom.ingest.ArticleIds;
import newsroom.ingest.ArticleSubmission;
import newsroom.ingest.BatchItem;
import newsroom.ingest.BatchItemResult;
import newsroom.ingest.CanonicalUrl;
import newsroom.ingest.ContentFingerprint;
import newsroom.ingest.HtmlText;
import newsroom.ingest.IngestOutcome;
import newsroom.ingest.InvalidArticleException;
import newsroom.ingest.PreparedArticle;
import newsroom.ingest.SimHash;
import newsroom.ingest.config.IngestConfig;
import newsroom.ingest.messaging.OutboxRelay;

/**
 * The one way in for every article (REST, batch, feeds): validate, reduce HTML to text, derive canonical URL,
 * content hash and id, then register it (registry row + outbox row in one transaction) and wake the relay.
 */
@ApplicationScoped
public class ArticleIntake {
    private final IngestConfig config;
    private final Validator validator;
    private final ArticleRegistry registry;
    private final OutboxRelay relay;
    private final IngestMetrics metrics;

    public ArticleIntake(IngestConfig config, Validator validator, ArticleRegistry registry, OutboxRelay relay,
            IngestMetrics metrics) {
        this.config = config;
        this.validator = validator;
        this.registry = registry;
        this.relay = relay;
        this.metrics = metrics;
    }

    /** @throws InvalidArticleException when the article is refused (400, or 413 for a body over the limit) */
    public IngestOutcome submit(ArticleSubmission submission, String feedId) {
        PreparedArticle article;
        try {
            article = prepare(submission, feedId);
        } catch (InvalidArticleException e) {
            metrics.rejected();
            throw e;
        }
        IngestOutcome outcome = registry.register(article);
        metrics.record(outcome);
        if (outcome.status() == IngestOutcome.Status.accepted) {
            relay.wake();
        }
        return outcome;
    }

    /**
     * A batch: every element is validated first (rejections do not stop the others), then the valid ones are
     * registered in chunks, one transaction per chunk. Results keep the request order.
     */
    public List<BatchItemResult> submitAll(List<BatchItem> items, String feedId) {
        BatchItemResult[] results = new BatchItemResult[items.size()];
        List<PreparedArticle> prepared = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            if (!item.unreadable().isEmpty()) {
                results[i] = BatchItemResult.rejected(item.index(), item.unreadable());
                metrics.rejected();
                continue;
            }
            try {
                prepared.add(prepare(item.submission(), feedId));
                positions.add(i);
            } catch (InvalidArticleException e) {
                results[i] = BatchItemResult.rejected(item.index(), e.details());
                metrics.rejected();
            }
        }
        int chunk = Math.max(1, config.limits().batchChunkSize());
        for (int from = 0; from < prepared.size(); from += chunk) {
            int to = Math.min(prepared.size(), from + chunk);
            List<IngestOutcome> outcomes = registry.registerAll(prepared.subList(from, to));
            for (int k = 0; k < outcomes.size(); k++) {
                int position = positions.get(from + k);
                results[position] = BatchItemResult.of(items.get(position).index(), outcomes.get(k));
                metrics.record(outcomes.get(k));
            }
            relay.wake();
        }
        return List.of(results);
    }

    /** Validates and derives; throws {@link InvalidArticleException} for anything not acceptable. */
    public PreparedArticle prepare(ArticleSubmission submission, String feedId) {
        if (submission == null) {
            throw InvalidArticleException.invalid(List.of("body: the request has no article"));
        }
        String body = submission.body();
        if (body != null && utf8Length(body) > config.limits().maxBodyBytes()) {
            throw InvalidArticleException.tooLarge("body: larger than " + config.limits().maxBodyBytes() + " bytes");
        }
        Set<ConstraintViolation<ArticleSubmission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            List<String> details = new ArrayList<>();
            violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .forEach(v -> details.add(v.getPropertyPath() + ": " + v.getMessage()));
            throw InvalidArticleException.invalid(details);
        }
        String text = HtmlText.toPlainText(body).strip();
        if (text.isEmpty()) {
            throw InvalidArticleException.invalid(List.of("body: has no text once HTML markup is removed"));
        }
        String title = submission.title() == null ? "" : HtmlText.toPlainText(submission.title()).strip();
        String source = submission.source() == null || submission.source().isBlank()
                ? config.defaultSource() : submission.source().strip();
        String canonicalUrl = CanonicalUrl.of(submission.url());
        String contentHash = ContentFingerprint.of(title, text);
        String id = ArticleIds.of(canonicalUrl, contentHash);
        // microseconds: what PostgreSQL keeps, so the stored and the published receivedAt are equal
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new PreparedArticle(id, submission.url() == null ? null : submission.url().strip(), canonicalUrl, source,
                title, text, submission.language(), submission.publishedAt(), receivedAt, contentHash, feedId,
                SimHash.of(title, text));
    }

    static int utf8Length(String s) {
        if (s.length() > Integer.MAX_VALUE / 3) {
            return Integer.MAX_VALUE;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
