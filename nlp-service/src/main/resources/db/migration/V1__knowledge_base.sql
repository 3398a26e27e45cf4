-- Knowledge base of the nlp-service: canonical entities and the aliases that name them.
create table entities (
    id            varchar(200) primary key,
    name          varchar(400) not null,
    type          varchar(20)  not null,
    description   text,
    external_ids  text, -- JSON object, e.g. {"wikidata":"Q22686"}
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);

create table aliases (
    entity_id  varchar(200) not null references entities (id) on delete cascade,
    alias_key  varchar(400) not null, -- folded form: lower case, no accents; one row per spelling that matches differently
    alias      varchar(400) not null,
    primary key (entity_id, alias_key)
);
create index aliases_alias_key on aliases (alias_key);

-- Ids that were merged into another entity; lookups of an old id land on the survivor.
create table merged_entities (
    id         varchar(200) primary key,
    merged_into varchar(200) not null,
    merged_at  timestamptz  not null default now()
);

-- Ids a curator deleted: the starter knowledge base never brings them back.
create table deleted_entities (
    id         varchar(200) primary key,
    deleted_at timestamptz  not null default now()
);

-- One row: bumped by every change, polled by every instance to reload its extractor.
create table kb_version (
    id      int primary key check (id = 1),
    version bigint not null
);
insert into kb_version (id, version) values (1, 0);

-- Which starter files (by content hash) have been loaded.
create table kb_seed (
    resource   varchar(200) primary key,
    sha256     varchar(64)  not null,
    applied_at timestamptz  not null default now()
);
