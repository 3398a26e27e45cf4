-- Alert subscriptions, their matches (one row per (subscription, article): the exactly-once decision),
-- and the delivery outbox with every attempt logged.
create table alert_subscription (
    id              varchar(64) primary key,
    name            varchar(200) not null,
    q               varchar(1000),
    entities        text not null default '',
    types           text not null default '',
    sources         text not null default '',
    active          boolean not null default true,
    webhook_url     varchar(2000),
    webhook_secret  varchar(500),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index alert_subscription_active on alert_subscription (active);

create table alert_match (
    id              varchar(400) primary key,
    subscription_id varchar(64) not null,
    article_id      varchar(300) not null,
    payload         text not null,
    matched_at      timestamptz not null default now()
);
create index alert_match_subscription on alert_match (subscription_id, matched_at desc);

create table alert_delivery (
    match_id        varchar(400) not null references alert_match (id) on delete cascade,
    channel         varchar(20) not null,
    state           varchar(20) not null default 'PENDING',
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      varchar(1000),
    delivered_at    timestamptz,
    primary key (match_id, channel)
);
create index alert_delivery_due on alert_delivery (next_attempt_at) where state = 'PENDING';

create table alert_delivery_attempt (
    id              bigserial primary key,
    match_id        varchar(400) not null references alert_match (id) on delete cascade,
    channel         varchar(20) not null,
    attempted_at    timestamptz not null default now(),
    status          int,
    error           varchar(1000),
    took_ms         bigint not null
);
create index alert_delivery_attempt_match on alert_delivery_attempt (match_id);
