package newsroom.search.alert;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to create or replace a subscription: the {@code /api/search} parameters plus delivery options.
 *
 * @param active null means true
 * @param per {@code article} (null, the default: once per matching article) or {@code story} (once per story, the
 *        first time one of its articles matches)
 */
public record AlertDefinition(
        @NotBlank @Size(max = 200) String name,
        String q,
        List<String> entity,
        List<String> type,
        List<String> source,
        Boolean active,
        @Size(max = 2000) String webhookUrl,
        @Size(max = 500) String webhookSecret,
        String per) {
}
