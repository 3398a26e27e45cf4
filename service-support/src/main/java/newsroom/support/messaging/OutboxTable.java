package newsroom.support.messaging;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which table an {@link OutboxRelay} drains and where its rows go. The table needs, besides the columns named here,
 * {@code sent_at}, {@code attempts}, {@code last_error}, {@code next_attempt_at} and {@code parked_at} (see the
 * services' migrations).
 *
 * @param table   schema-qualified table name, e.g. {@code ingest.outbox}; also the {@code table} tag of the metrics
 * @param id      the ordering column (a sequence)
 * @param key     the Kafka record key
 * @param payload the record value (JSON text)
 * @param created when the row was written (the relay's lag is measured from it)
 * @param topic   the topic every row goes to
 * @param headers headers put on every record, e.g. {@code schemaVersion}
 */
public record OutboxTable(String table, String id, String key, String payload, String created, String topic,
        Map<String, String> headers) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public OutboxTable {
        // the names are put into SQL text: accept plain identifiers only
        for (String name : new String[] {table, id, key, payload, created}) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
        headers = Map.copyOf(headers);
    }
}
