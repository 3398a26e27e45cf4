package newsroom.search.alert.repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A saved search or entity watch. Multi-valued parameters are stored newline-separated (values never hold one). */
@Entity
@Table(name = "alert_subscription")
public class AlertSubscription extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    /** The caller that created it (key name or OIDC principal); null for rows from before owners. */
    public String owner;
    public String q;
    public String entities = "";
    public String types = "";
    public String sources = "";
    public boolean active = true;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "webhook_secret")
    public String webhookSecret;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Since when matching this subscription fails (null when it works); set and cleared by the matcher. */
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "last_error")
    public String lastError;
    /** {@code article} (once per matching article) or {@code story} (once per story). */
    public String per = PER_ARTICLE;

    public static final String PER_ARTICLE = "article";
    public static final String PER_STORY = "story";

    public static List<AlertSubscription> active() {
        return list("active = true order by id");
    }

    public static String join(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    public static List<String> split(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
    }

    public List<String> entityList() {
        return split(entities);
    }

    public List<String> typeList() {
        return split(types);
    }

    public List<String> sourceList() {
        return split(sources);
    }
}
