package newsroom.support.access.repository;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One API key (table {@code access.api_keys}): only the key's hash is kept. */
@Entity
@Table(name = "api_keys", schema = "access")
public class ApiKey extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String role;
    @Column(name = "secret_hash")
    public String secretHash;
    public String prefix;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static ApiKey byHash(String secretHash) {
        return find("secretHash", secretHash).firstResult();
    }
}
