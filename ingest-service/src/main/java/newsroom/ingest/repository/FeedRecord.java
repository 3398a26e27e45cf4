package newsroom.ingest.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered feed and the outcome of its last poll. */
@Entity
@Table(name = "feed")
public class FeedRecord extends PanacheEntityBase {
    @Id
    public String id;
    public String url;
    public String source;
    @Column(name = "poll_interval_s")
    public int pollIntervalSeconds;
    @Column(name = "created_at")
    public Instant createdAt;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    @Column(name = "next_poll_at")
    public Instant nextPollAt;
    @Column(name = "last_polled_at")
    public Instant lastPolledAt;
    @Column(name = "last_status")
    public String lastStatus;
    @Column(name = "last_http_status")
    public Integer lastHttpStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "last_items")
    public int lastItems;
    @Column(name = "last_accepted")
    public int lastAccepted;
    @Column(name = "last_duplicates")
    public int lastDuplicates;
    @Column(name = "last_rejected")
    public int lastRejected;
    @Column(name = "total_accepted")
    public long totalAccepted;
}
