-- Near-duplicate detection across ingest instances (NearDuplicateIndex). Every instance keeps the window's SimHashes
-- in memory and, inside each registering transaction, reads the rows committed since the last one it saw
-- (seq > last). Writers register under one transaction-level advisory lock, taking seq values and committing in the
-- same order, so whatever a reader sees is a prefix of seq: nothing committed later can carry a smaller seq.
alter table article add column seq bigserial;
create unique index article_seq_idx on article (seq);
