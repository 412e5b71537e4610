-- One row per message to one recipient on one channel. The key (an alert, or an event of another
-- module) is unique per recipient and channel, so a message is queued once however often its cause
-- is handled. A worker claims due rows with FOR UPDATE SKIP LOCKED and marks them SENDING in a
-- committed transaction before it calls the provider (decision 0050).
create table notify_delivery (
    id              bigserial primary key,
    community_id    bigint        not null,
    dedupe_key      varchar(120)  not null,
    alert_id        bigint,
    subscriber_id   bigint        not null references notify_subscriber (id) on delete cascade,
    channel         varchar(10)   not null check (channel in ('EMAIL', 'TELEGRAM', 'VIBER')),
    address         varchar(254)  not null,
    subject         varchar(300)  not null,
    body            text          not null,
    status          varchar(10)   not null default 'QUEUED'
                    check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'UNCERTAIN')),
    attempts        integer       not null default 0,
    not_before      timestamptz   not null default now(),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    error           varchar(500),
    created_at      timestamptz   not null default now(),
    unique (community_id, dedupe_key, subscriber_id, channel)
);
create index notify_delivery_due on notify_delivery (channel, not_before, id) where status = 'QUEUED';
create index notify_delivery_alert on notify_delivery (alert_id, channel, status) where alert_id is not null;
create index notify_delivery_subscriber on notify_delivery (subscriber_id);
