package newsroom.search.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.events.EntityChange;
import newsroom.events.EventJson;
import newsroom.search.service.EntityMerges;

/**
 * Applies the knowledge base's change log ({@code news.entities.changes}, channel {@code entity-changes}) to
 * {@link EntityMerges}: MERGED maps the absorbed id to the survivor, UNMERGED drops that mapping, every other kind
 * (also one added later, read as UNKNOWN) changes nothing here. Every instance needs every merge and the log (keyed
 * by absorbed id, so the merges and un-merges of one id stay in order) is the state, so each instance reads it from
 * the beginning in a consumer group of its own that never commits (application.properties).
 */
@ApplicationScoped
public class EntityChangeListener {
    private static final Logger LOG = Logger.getLogger(EntityChangeListener.class);

    private final EntityMerges merges;

    public EntityChangeListener(EntityMerges merges) {
        this.merges = merges;
    }

    /**
     * An unreadable change throws: the channel's dead-letter strategy copies it to {@code news.entities.changes.dlq}
     * with the reason and goes on with the next. Each instance group reads the log from its start, so an instance
     * started later dead-letters the same record again; the {@code dead-letter-topic}/{@code -partition}/{@code -offset} headers
     * name the one original.
     */
    @Incoming("entity-changes")
    public void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: compaction's delete marker, nothing to apply
        }
        EntityChange change = EventJson.fromJson(record.value(), EntityChange.class);
        if (change.kind() == null) {
            return; // no kind at all: nothing this consumer could apply
        }
        switch (change.kind()) {
            case MERGED -> {
                merges.merged(change.entityId(), change.mergedInto(), change.revision());
                LOG.debugf("entity %s merged into %s (revision %s)", change.entityId(), change.mergedInto(),
                        change.revision());
            }
            case UNMERGED -> {
                merges.unmerged(change.entityId(), change.revision());
                LOG.debugf("entity %s un-merged (revision %s)", change.entityId(), change.revision());
            }
            default -> {
                // created, updated, deleted, or a kind this version does not know: nothing to map
            }
        }
    }
}
