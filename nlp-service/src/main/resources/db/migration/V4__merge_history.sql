-- Every merge, with what an un-merge needs to undo it: the absorbed entity as it was (name, type, description,
-- external ids, its own aliases) and the spellings the merge added to the survivor (only those that were new there,
-- so an un-merge never takes away an alias the survivor had before or was given later).
-- Merges made before this table existed have no row and cannot be undone.
-- The sequence orders merges and un-merges: each takes the next value as its revision, which rides on the
-- MERGED/UNMERGED record of news.entities.changes so consumers keep the latest on replay whatever the relay order.
create sequence entity_merge_revisions;

create table entity_merges (
    id                  bigint       primary key, -- the merge's revision (entity_merge_revisions)
    absorbed_id         varchar(200) not null,
    survivor_id         varchar(200) not null,
    absorbed_entity     text         not null, -- JSON: the absorbed entity as it was (KbEntry)
    absorbed_created_at timestamptz  not null,
    added_aliases       text         not null, -- JSON array: the spellings this merge added to the survivor
    merged_at           timestamptz  not null default now(),
    merged_by           varchar(200) not null,
    unmerged_at         timestamptz,
    unmerged_by         varchar(200),
    unmerge_revision    bigint
);
-- One merge in force per absorbed id; a re-merge after an un-merge is a new row.
create unique index entity_merges_in_force on entity_merges (absorbed_id) where unmerged_at is null;
create index entity_merges_survivor on entity_merges (survivor_id) where unmerged_at is null;
