package newsroom.support.access.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import newsroom.support.access.config.AccessConfig;
import newsroom.support.access.repository.AuditEvent;

/**
 * The audit log: who changed what, when, with the state before and after. Written in the caller's transaction, so a
 * change and its record commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    /** One entry as the API shows it. */
    public record Entry(long id, Instant at, String actor, String service, String kind, String action, String target,
            JsonNode before, JsonNode after) {
    }

    /** Filters of {@code GET /api/audit}; null means any. */
    public record Query(String actor, String kind, String action, String target, Instant from, Instant to,
            int limit) {
    }

    private final ObjectMapper json;
    private final String service;

    public AuditTrail(ObjectMapper json, AccessConfig config) {
        this.json = json;
        this.service = config.service();
    }

    /** @param before the state before (any JSON-mappable value), null for a creation; after null for a deletion */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String kind, String action, String target, Object before, Object after) {
        AuditEvent e = new AuditEvent();
        e.at = Instant.now();
        e.actor = actor;
        e.service = service;
        e.kind = kind;
        e.action = action;
        e.target = target;
        e.before = write(before);
        e.after = write(after);
        e.persist();
    }

    @Transactional
    public List<Entry> find(Query q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "actor", q.actor());
        add(where, params, "kind", q.kind());
        add(where, params, "action", q.action());
        add(where, params, "target", q.target());
        if (q.from() != null) {
            where.add("at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.add("at < :to");
            params.put("to", q.to());
        }
        Parameters p = new Parameters();
        params.forEach(p::and);
        Sort newestFirst = Sort.by("at", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        var query = where.isEmpty() ? AuditEvent.<AuditEvent>findAll(newestFirst)
                : AuditEvent.<AuditEvent>find(String.join(" and ", where), newestFirst, p);
        return query.page(Page.ofSize(q.limit())).list().stream().map(this::entry).toList();
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    private Entry entry(AuditEvent e) {
        return new Entry(e.id, e.at, e.actor, e.service, e.kind, e.action, e.target, read(e.before), read(e.after));
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state is not JSON-mappable: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode read(String state) {
        try {
            return state == null ? null : json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
