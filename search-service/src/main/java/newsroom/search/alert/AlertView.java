package newsroom.search.alert;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it; the webhook secret is never echoed, the address only to the owner.
 *
 * @param owner the caller that created it (null for subscriptions from before owners: admins only)
 *
 * @param failingSince since when matching it fails (Elasticsearch rejects its query), null while it works
 * @param lastError why it fails, null while it works
 * @param per {@code article} or {@code story}: when it fires
 */
public record AlertView(String id, String name, String owner, String q, List<String> entity, List<String> type,
        List<String> source, boolean active, String webhookUrl, boolean webhookSigned, Instant createdAt,
        Instant updatedAt, Instant failingSince, String lastError, String per) {
}
