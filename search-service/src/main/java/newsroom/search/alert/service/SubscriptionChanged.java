package newsroom.search.alert.service;

/**
 * Fired inside the transaction that creates, replaces or deletes a subscription; {@link SubscriptionSync} applies it
 * to this instance's monitor once the transaction has committed.
 *
 * @param state the subscription as committed, or null when it was deleted or paused
 */
public record SubscriptionChanged(String id, MonitoredSubscription state) {
}
