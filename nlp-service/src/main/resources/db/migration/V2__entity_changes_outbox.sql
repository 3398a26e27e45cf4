-- Knowledge-base changes waiting to be published to news.entities.changes, written in the same transaction as the
-- change itself and relayed by EntityChangeRelay (at-least-once).
create table entity_changes (
    seq        bigserial primary key,
    entity_id  varchar(200) not null,
    payload    text         not null,
    created_at timestamptz  not null default now(),
    sent_at    timestamptz
);
create index entity_changes_unsent on entity_changes (seq) where sent_at is null;
