-- Schema access: shared by the three services (API keys, feed tokens and the audit log must be the same wherever a
-- call lands). Migrated by every service through the "access" datasource; Flyway's lock makes concurrent starts safe.

CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    name         varchar(100) NOT NULL,
    role         varchar(16)  NOT NULL,
    secret_hash  char(64)     NOT NULL UNIQUE, -- SHA-256 of the key, hex; the key itself is never stored
    prefix       varchar(16)  NOT NULL,        -- the key's first characters, to tell keys apart in lists
    created_at   timestamptz  NOT NULL,
    created_by   varchar(200) NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE TABLE audit_events (
    id           bigserial PRIMARY KEY,
    at           timestamptz  NOT NULL,
    actor        varchar(200) NOT NULL,
    service      varchar(40)  NOT NULL,
    kind         varchar(40)  NOT NULL, -- key, entity, subscription, feed-token
    action       varchar(40)  NOT NULL, -- create, revoke, rename, merge, unmerge, delete, ...
    target       varchar(300),
    before_state jsonb,
    after_state  jsonb
);
CREATE INDEX audit_events_at ON audit_events (at DESC, id DESC);
CREATE INDEX audit_events_actor ON audit_events (actor, at DESC);
CREATE INDEX audit_events_kind ON audit_events (kind, at DESC);
