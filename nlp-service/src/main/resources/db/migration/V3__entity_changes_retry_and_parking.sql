-- The shared outbox relay's bookkeeping on the knowledge-base change log (newsroom.support.messaging.OutboxRelay):
-- attempts and the last failure, a row that failed transiently waits until next_attempt_at so it never holds up the
-- rows behind it, and a row the broker can never take (or one that failed too often) is parked with the reason.
-- Re-queue parked rows once the cause is fixed:
--   update nlp.entity_changes set parked_at = null, attempts = 0, next_attempt_at = null
--    where parked_at is not null and sent_at is null;
alter table entity_changes
    add column attempts        integer not null default 0,
    add column last_error      text,
    add column next_attempt_at timestamptz,
    add column parked_at       timestamptz;

drop index if exists entity_changes_unsent;
create index entity_changes_due on entity_changes (seq) where sent_at is null and parked_at is null;
create index entity_changes_parked on entity_changes (parked_at) where parked_at is not null and sent_at is null;
