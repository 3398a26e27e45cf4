package newsroom.ingest.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registry row: one accepted article, as stored (body already plain text). */
@Entity
@Table(name = "article")
public class ArticleRecord extends PanacheEntityBase {
    @Id
    public String id;
    public String url;
    @Column(name = "canonical_url")
    public String canonicalUrl;
    public String source;
    public String title;
    public String body;
    public String language;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "feed_id")
    public String feedId;
    public Long simhash;
    @Column(name = "near_duplicate_of")
    public String nearDuplicateOf;
}
