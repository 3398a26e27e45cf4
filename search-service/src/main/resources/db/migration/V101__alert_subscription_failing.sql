-- A subscription whose query Elasticsearch (or the parser) rejects is marked failing instead of stopping matching
-- for everyone; the next successful match clears it.
alter table alert_subscription add column failing_since timestamptz;
alter table alert_subscription add column last_error varchar(1000);
create index alert_subscription_failing on alert_subscription (failing_since) where failing_since is not null;
