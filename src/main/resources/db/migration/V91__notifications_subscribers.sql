-- Notifications: who follows what in a community (topics, districts, quiet hours, language), the
-- messengers a person linked by a one-time code, and those codes (only their SHA-256 is kept).
create table notify_subscriber (
    id              bigserial primary key,
    community_id    bigint        not null,
    person_id       bigint        not null,
    topics          varchar(500)  not null default '',
    districts       varchar(1000) not null default '',
    quiet_from      time,
    quiet_to        time,
    language        varchar(2)    not null default 'uk' check (language in ('uk', 'en')),
    email           varchar(254),
    created_at      timestamptz   not null default now(),
    unique (community_id, person_id)
);
create index notify_subscriber_person on notify_subscriber (person_id);

create table notify_link (
    id              bigserial primary key,
    community_id    bigint        not null,
    subscriber_id   bigint        not null references notify_subscriber (id) on delete cascade,
    channel         varchar(10)   not null check (channel in ('TELEGRAM', 'VIBER')),
    address         varchar(100)  not null,
    linked_at       timestamptz   not null default now(),
    unique (community_id, channel, address),
    unique (subscriber_id, channel)
);

create table notify_link_code (
    id              bigserial primary key,
    community_id    bigint        not null,
    subscriber_id   bigint        not null references notify_subscriber (id) on delete cascade,
    channel         varchar(10)   not null check (channel in ('TELEGRAM', 'VIBER')),
    code_hash       varchar(64)   not null unique,
    expires_at      timestamptz   not null,
    used_at         timestamptz
);
