package newsroom.support.access.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import newsroom.events.Sha256;
import newsroom.support.access.Role;
import newsroom.support.access.config.AccessConfig;
import newsroom.support.access.repository.ApiKey;

/**
 * API keys: made here (the key is shown once, only its SHA-256 is stored: a key is 256 random bits, so a fast hash
 * is enough), checked on every call through a short cache (its TTL bounds how late a revocation reaches an
 * instance), revoked, listed. Every change goes to the audit log.
 */
@ApplicationScoped
public class ApiKeys {
    /** Keys start with this, so a bearer token that is not one (an OIDC token) is left to the OIDC mechanism. */
    public static final String KEY_PREFIX = "nrk_";
    private static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);
    private static final int CACHE_MAX = 10_000;

    /** What a caller with a valid key is. */
    public record KeyHolder(UUID id, String name, Role role) {
    }

    /** A key as listed: never the key itself. */
    public record KeyView(UUID id, String name, String role, String prefix, Instant createdAt, String createdBy,
            Instant lastUsedAt, Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id, k.name, k.role, k.prefix, k.createdAt, k.createdBy, k.lastUsedAt, k.revokedAt);
        }
    }

    /** A key just made: the only time {@code key} is seen. */
    public record CreatedKey(String key, KeyView view) {
    }

    private record Cached(KeyHolder holder, long loadedNanos) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();
    private final AuditTrail audit;
    private final long ttlNanos;

    public ApiKeys(AuditTrail audit, AccessConfig config) {
        this.audit = audit;
        this.ttlNanos = config.keyCacheTtl().toNanos();
    }

    @Transactional
    public CreatedKey create(Role role, String name, String actor) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey k = new ApiKey();
        k.id = UUID.randomUUID();
        k.name = name == null || name.isBlank() ? "key-" + key.substring(KEY_PREFIX.length(), KEY_PREFIX.length() + 8)
                : name.trim();
        k.role = role.id();
        k.secretHash = Sha256.hex(key);
        k.prefix = key.substring(0, KEY_PREFIX.length() + 8);
        k.createdAt = Instant.now();
        k.createdBy = actor;
        k.persist();
        KeyView view = KeyView.of(k);
        audit.record(actor, "key", "create", k.id.toString(), null, view);
        return new CreatedKey(key, view);
    }

    /** Creates the bootstrap admin key from its hash unless a key with that hash exists (even revoked). */
    @Transactional
    public void ensureBootstrapKey(String secretHash) {
        String hash = secretHash.trim().toLowerCase(java.util.Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("newsroom.access.bootstrap-admin-key-sha256 is not a SHA-256 in hex");
        }
        int inserted = ApiKey.getEntityManager().createNativeQuery("""
                INSERT INTO access.api_keys (id, name, role, secret_hash, prefix, created_at, created_by)
                VALUES (?1, 'bootstrap-admin', 'admin', ?2, 'bootstrap', now(), 'configuration')
                ON CONFLICT (secret_hash) DO NOTHING""").setParameter(1, UUID.randomUUID()).setParameter(2, hash)
                .executeUpdate();
        if (inserted > 0) {
            audit.record("configuration", "key", "create", "bootstrap-admin", null,
                    Map.of("name", "bootstrap-admin", "role", "admin"));
        }
    }

    @Transactional
    public List<KeyView> list(boolean includeRevoked) {
        List<ApiKey> keys = includeRevoked ? ApiKey.listAll(io.quarkus.panache.common.Sort.by("createdAt"))
                : ApiKey.list("revokedAt is null", io.quarkus.panache.common.Sort.by("createdAt"));
        return keys.stream().map(KeyView::of).toList();
    }

    /** @return the key as it is now, or empty when there is no such key */
    @Transactional
    public Optional<KeyView> revoke(UUID id, String actor) {
        ApiKey k = ApiKey.findById(id);
        if (k == null) {
            return Optional.empty();
        }
        if (k.revokedAt == null) {
            KeyView before = KeyView.of(k);
            k.revokedAt = Instant.now();
            audit.record(actor, "key", "revoke", id.toString(), before, KeyView.of(k));
        }
        cache.values().removeIf(c -> c.holder() != null && c.holder().id().equals(id));
        return Optional.of(KeyView.of(k));
    }

    /** The holder of {@code key}, or empty when it is unknown or revoked. Called on every request. */
    public Optional<KeyHolder> authenticate(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX) || key.length() > 200) {
            return Optional.empty();
        }
        String hash = Sha256.hex(key);
        Cached cached = cache.get(hash);
        long now = System.nanoTime();
        if (cached == null || now - cached.loadedNanos() > ttlNanos) {
            cached = new Cached(QuarkusTransaction.requiringNew().call(() -> load(hash)), now);
            if (cache.size() >= CACHE_MAX) {
                cache.clear(); // a flood of made-up keys must not grow the cache without bound
            }
            cache.put(hash, cached);
        }
        return Optional.ofNullable(cached.holder());
    }

    private KeyHolder load(String hash) {
        ApiKey k = ApiKey.byHash(hash);
        if (k == null || k.revokedAt != null) {
            return null;
        }
        Instant now = Instant.now();
        Instant written = lastUseWritten.get(k.id);
        if (written == null || written.plus(LAST_USE_GRANULARITY).isBefore(now)) {
            k.lastUsedAt = now; // to the minute at most: a write per request would cost more than the request
            lastUseWritten.put(k.id, now);
        }
        return new KeyHolder(k.id, k.name, Role.of(k.role));
    }

}
