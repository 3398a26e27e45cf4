package newsroom.search.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A feed reader's token for one feed (table {@code search.feed_token}); only its SHA-256 is kept. */
@Entity
@Table(name = "feed_token")
public class FeedToken extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "token_sha256")
    public String tokenSha256;
    public String owner;
    /** The feed it opens, in the canonical form of {@code FeedScope}: path, then the sorted query without token. */
    public String feed;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
