package newsroom.search.alert.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import newsroom.search.ArticleQuery;
import newsroom.search.InvalidQueryException;
import newsroom.search.alert.AlertDefinition;
import newsroom.search.alert.AlertView;
import newsroom.search.alert.InvalidAlertException;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.repository.AlertSubscription;

/** Subscriptions: validated with the very parser of {@code /api/search}, so a saved query means what a search means. */
@ApplicationScoped
public class AlertSubscriptions {
    private final WebhookAddressGuard guard;
    private final AlertMatchStore matches;

    public AlertSubscriptions(WebhookAddressGuard guard, AlertMatchStore matches) {
        this.guard = guard;
        this.matches = matches;
    }

    /** The search a subscription stands for (no date bounds: alerts are about new articles). */
    public static ArticleQuery queryOf(AlertSubscription s) {
        return ArticleQuery.parse(s.q, s.entityList(), s.typeList(), s.sourceList(), null, null, "date", "0",
                "false");
    }

    public List<AlertView> list() {
        return AlertSubscription.<AlertSubscription>listAll().stream()
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt)).map(AlertSubscriptions::view).toList();
    }

    public Optional<AlertView> find(String id) {
        return AlertSubscription.<AlertSubscription>findByIdOptional(id).map(AlertSubscriptions::view);
    }

    @Transactional
    public AlertView create(AlertDefinition definition) {
        AlertSubscription s = new AlertSubscription();
        s.id = UUID.randomUUID().toString();
        s.createdAt = Instant.now();
        apply(s, definition);
        s.persist();
        return view(s);
    }

    @Transactional
    public Optional<AlertView> replace(String id, AlertDefinition definition) {
        Optional<AlertSubscription> found = AlertSubscription.findByIdOptional(id);
        found.ifPresent(s -> apply(s, definition));
        return found.map(AlertSubscriptions::view);
    }

    @Transactional
    public boolean delete(String id) {
        boolean deleted = AlertSubscription.deleteById(id);
        if (deleted) {
            matches.deleteForSubscription(id);
        }
        return deleted;
    }

    private void apply(AlertSubscription s, AlertDefinition d) {
        List<String> errors = new ArrayList<>();
        ArticleQuery query = null;
        try {
            query = ArticleQuery.parse(d.q(), d.entity(), d.type(), d.source(), null, null, null, null, null);
        } catch (InvalidQueryException e) {
            errors.addAll(e.details());
        }
        String url = d.webhookUrl() == null || d.webhookUrl().isBlank() ? null : d.webhookUrl().strip();
        if (url != null) {
            String problem = guard.problem(url);
            if (problem != null) {
                errors.add("webhookUrl: " + problem);
            }
        }
        String secret = d.webhookSecret() == null || d.webhookSecret().isEmpty() ? null : d.webhookSecret();
        if (secret != null && url == null) {
            errors.add("webhookSecret: only meaningful with a webhookUrl");
        }
        if (!errors.isEmpty()) {
            throw new InvalidAlertException(errors);
        }
        s.name = d.name().strip();
        s.q = query.text();
        s.entities = AlertSubscription.join(query.entities());
        s.types = AlertSubscription.join(query.types());
        s.sources = AlertSubscription.join(query.sources());
        s.active = d.active() == null || d.active();
        s.webhookUrl = url;
        s.webhookSecret = secret;
        s.updatedAt = Instant.now();
        // A new definition gets a fresh start: the next batch marks it failing again if it still fails.
        s.failingSince = null;
        s.lastError = null;
    }

    static AlertView view(AlertSubscription s) {
        return new AlertView(s.id, s.name, s.q, s.entityList(), s.typeList(), s.sourceList(), s.active, s.webhookUrl,
                s.webhookSecret != null, s.createdAt, s.updatedAt, s.failingSince, s.lastError);
    }
}
