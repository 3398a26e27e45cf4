-- Article registry and transactional outbox of the ingest-service (schema "ingest", created by Flyway).

-- One row per accepted article. The id is derived from the canonical URL (or, without URL, from the content hash),
-- so the primary key is also the "same canonical URL" uniqueness; content_hash is unique for "same text".
create table article (
    id                varchar(24)  primary key,
    url               text,
    canonical_url     text,
    source            varchar(200) not null,
    title             text         not null,
    body              text         not null,
    language          varchar(40),
    published_at      timestamptz,
    received_at       timestamptz  not null,
    content_hash      char(64)     not null,
    feed_id           varchar(64),
    simhash           bigint,
    near_duplicate_of varchar(24),
    constraint article_content_hash_uq unique (content_hash)
);
create index article_received_at_idx on article (received_at, id);

-- Events to publish, written in the same transaction as the article row; the relay marks them sent.
create sequence outbox_seq increment by 50;
create table outbox (
    id         bigint       primary key default nextval('outbox_seq'),
    article_id varchar(24)  not null references article (id),
    topic      varchar(200) not null,
    payload    text         not null,
    created_at timestamptz  not null,
    sent_at    timestamptz,
    attempts   integer      not null default 0,
    last_error text
);
create index outbox_unsent_idx on outbox (id) where sent_at is null;
