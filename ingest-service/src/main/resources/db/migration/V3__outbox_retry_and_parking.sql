-- The outbox relay's bookkeeping (newsroom.support.messaging.OutboxRelay): a row that failed transiently waits until
-- next_attempt_at (exponential backoff) so it never holds up the rows behind it; a row the broker can never take
-- (too large, invalid), or one that failed too often, is parked with the reason in last_error.
-- Re-queue parked rows once the cause is fixed (or POST /api/outbox/parked/requeue):
--   update ingest.outbox set parked_at = null, attempts = 0, next_attempt_at = null
--    where parked_at is not null and sent_at is null;
alter table outbox
    add column next_attempt_at timestamptz,
    add column parked_at       timestamptz;

drop index if exists outbox_unsent_idx;
create index outbox_due_idx on outbox (id) where sent_at is null and parked_at is null;
create index outbox_parked_idx on outbox (parked_at) where parked_at is not null and sent_at is null;
