-- Access control (issue 10). A subscription belongs to the caller that created it (its key's name or OIDC principal);
-- rows from before have none and are seen by admins only. Webhook secrets are stored AES-GCM encrypted ("v1:" +
-- base64 of nonce and ciphertext); a value without that prefix is a clear-text secret from before: the service
-- encrypts it at start when a key is configured and never signs with it otherwise.
alter table alert_subscription add column owner varchar(200);
create index alert_subscription_owner on alert_subscription (owner);
alter table alert_subscription alter column webhook_secret type varchar(1000);

-- Feed tokens: for feed readers, which cannot send headers. Each is valid for one feed (its path and query); only
-- the SHA-256 of the token is kept.
create table feed_token (
    id            varchar(64) primary key,
    token_sha256  varchar(64) not null unique,
    owner         varchar(200) not null,
    feed          varchar(2000) not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz
);
create index feed_token_owner on feed_token (owner);
