package newsroom.search.alert.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import newsroom.search.ArticleQuery;
import newsroom.search.InvalidQueryException;
import newsroom.search.alert.AlertDefinition;
import newsroom.search.alert.AlertView;
import newsroom.search.alert.InvalidAlertException;
import newsroom.search.alert.repository.AlertMatchStore;
import newsroom.search.alert.repository.AlertSubscription;
import newsroom.support.access.service.AuditTrail;

/**
 * Subscriptions: validated with the very parser of {@code /api/search}, so a saved query means what a search means.
 * Each belongs to the caller that created it: anyone else but an admin is told it does not exist. Every change is in
 * the audit log (kind {@code subscription}) with the webhook address masked and never the secret.
 */
@ApplicationScoped
public class AlertSubscriptions {
    public static final String AUDIT_KIND = "subscription";
    /** What a caller other than the owner sees instead of a webhook address. */
    public static final String MASKED = "(hidden: shown to the owner only)";

    private final WebhookAddressGuard guard;
    private final AlertMatchStore matches;
    private final WebhookSecrets secrets;
    private final AuditTrail audit;
    private final Event<SubscriptionChanged> changes;

    public AlertSubscriptions(WebhookAddressGuard guard, AlertMatchStore matches, WebhookSecrets secrets,
            AuditTrail audit, Event<SubscriptionChanged> changes) {
        this.guard = guard;
        this.matches = matches;
        this.secrets = secrets;
        this.audit = audit;
        this.changes = changes;
    }

    /** Tells this instance's monitor, after the commit (other instances see the row change: SubscriptionSync). */
    private void changed(AlertSubscription s) {
        changes.fire(new SubscriptionChanged(s.id, s.active ? MonitoredSubscription.of(s) : null));
    }

    /** The search a subscription stands for (no date bounds: alerts are about new articles). */
    public static ArticleQuery queryOf(AlertSubscription s) {
        return ArticleQuery.parse(s.q, s.entityList(), s.typeList(), s.sourceList(), null, null, "date", "0",
                "false");
    }

    public List<AlertView> list(Caller caller) {
        List<AlertSubscription> rows = caller.admin() ? AlertSubscription.listAll()
                : AlertSubscription.list("owner", caller.name());
        return rows.stream().sorted((a, b) -> a.createdAt.compareTo(b.createdAt)).map(s -> view(s, caller)).toList();
    }

    public Optional<AlertView> find(String id, Caller caller) {
        return visible(id, caller).map(s -> view(s, caller));
    }

    /** For a feed token's request, whose scope was checked on the way in: any subscription, its address masked. */
    public Optional<AlertView> findForFeed(String id) {
        return AlertSubscription.<AlertSubscription>findByIdOptional(id).map(s -> view(s, null));
    }

    @Transactional
    public AlertView create(AlertDefinition definition, Caller caller) {
        AlertSubscription s = new AlertSubscription();
        s.id = UUID.randomUUID().toString();
        s.owner = caller.name();
        s.createdAt = Instant.now();
        apply(s, definition);
        s.persist();
        audit.record(caller.name(), AUDIT_KIND, "create", s.id, null, view(s, null));
        changed(s);
        return view(s, caller);
    }

    @Transactional
    public Optional<AlertView> replace(String id, AlertDefinition definition, Caller caller) {
        Optional<AlertSubscription> found = visible(id, caller);
        found.ifPresent(s -> {
            AlertView before = view(s, null);
            apply(s, definition);
            audit.record(caller.name(), AUDIT_KIND, "replace", id, before, view(s, null));
            changed(s);
        });
        return found.map(s -> view(s, caller));
    }

    @Transactional
    public boolean delete(String id, Caller caller) {
        Optional<AlertSubscription> found = visible(id, caller);
        found.ifPresent(s -> {
            AlertView before = view(s, null);
            s.delete();
            matches.deleteForSubscription(id);
            changes.fire(new SubscriptionChanged(id, null));
            audit.record(caller.name(), AUDIT_KIND, "delete", id, before, null);
        });
        return found.isPresent();
    }

    private static Optional<AlertSubscription> visible(String id, Caller caller) {
        return AlertSubscription.<AlertSubscription>findByIdOptional(id).filter(s -> caller.maySee(s.owner));
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
        if (secret != null && !secrets.configured()) {
            errors.add("webhookSecret: this installation has no key to encrypt webhook secrets with "
                    + "(newsroom.alerts.webhook-secret-key); create the webhook without a secret or configure one");
        }
        String per = d.per() == null || d.per().isBlank() ? AlertSubscription.PER_ARTICLE : d.per().strip();
        if (!per.equals(AlertSubscription.PER_ARTICLE) && !per.equals(AlertSubscription.PER_STORY)) {
            errors.add("per: must be article (once per matching article, the default) or story (once per story)");
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
        s.per = per;
        s.webhookUrl = url;
        s.webhookSecret = secret == null ? null : secrets.encrypt(s.id, secret);
        s.updatedAt = Instant.now();
        // A new definition gets a fresh start: the next batch marks it failing again if it still fails.
        s.failingSince = null;
        s.lastError = null;
    }

    /** The subscription as {@code caller} may see it (null: as nobody's, for the audit log): the address masked. */
    static AlertView view(AlertSubscription s, Caller caller) {
        boolean owner = caller != null && caller.name().equals(s.owner);
        String url = s.webhookUrl == null || owner ? s.webhookUrl : MASKED;
        return new AlertView(s.id, s.name, s.owner, s.q, s.entityList(), s.typeList(), s.sourceList(), s.active, url,
                s.webhookSecret != null, s.createdAt, s.updatedAt, s.failingSince, s.lastError, s.per);
    }
}
