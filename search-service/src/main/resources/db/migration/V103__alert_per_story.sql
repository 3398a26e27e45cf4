-- Alerts per story (issue 13): a subscription fires once per article (the default) or once per story. The story
-- rule is decided here, in the same transaction as the match: one row per (subscription, story) it fired for, so two
-- instances cannot both fire for one story. A story absorbed by a merge keeps its row: the matcher looks for a row
-- of the survivor or of any story merged into it. The match it fired with may be inserted after the row in that
-- transaction, hence the deferred reference.
alter table alert_subscription add column per varchar(10) not null default 'article';

create table alert_story_fired (
    subscription_id varchar(64) not null,
    story_id        varchar(300) not null,
    match_id        varchar(400) not null references alert_match (id) on delete cascade deferrable initially deferred,
    fired_at        timestamptz not null default now(),
    primary key (subscription_id, story_id)
);
