-- RSS/Atom feeds to poll, with what the poller learnt on its last visit.
create table feed (
    id                   varchar(36)  primary key,
    url                  text         not null,
    source               varchar(200) not null,
    poll_interval_s      integer      not null,
    created_at           timestamptz  not null,
    etag                 text,
    last_modified        text,
    next_poll_at         timestamptz  not null,
    last_polled_at       timestamptz,
    last_status          varchar(40),
    last_http_status     integer,
    last_error           text,
    consecutive_failures integer      not null default 0,
    last_items           integer      not null default 0,
    last_accepted        integer      not null default 0,
    last_duplicates      integer      not null default 0,
    last_rejected        integer      not null default 0,
    total_accepted       bigint       not null default 0,
    constraint feed_url_uq unique (url)
);
create index feed_next_poll_idx on feed (next_poll_at);
