-- Seats and waiting lists (one roster per event, later per course group): registrations are rows
-- of civic_place, written with plain SQL under a lock of the roster's row, so that parallel
-- registrations never take more seats than there are and a cancellation moves the first waiting
-- person up exactly once.
create table civic_roster (
    id                      bigserial primary key,
    community_id            bigint        not null,
    kind                    varchar(20)   not null check (kind in ('EVENT', 'GROUP')),
    seats                   integer       not null check (seats between 1 and 100000)
);

create table civic_place (
    id                      bigserial primary key,
    community_id            bigint        not null,
    roster_id               bigint        not null references civic_roster (id) on delete cascade,
    person_id               bigint,
    account_id              bigint,
    name                    varchar(300)  not null,
    phone                   varchar(40),
    registered_by_account_id bigint,
    status                  varchar(20)   not null check (status in ('REGISTERED', 'WAITING', 'CANCELLED')),
    queued_at               timestamptz   not null,
    promoted_at             timestamptz,
    cancelled_at            timestamptz,
    attended_at             timestamptz
);
create unique index civic_place_person on civic_place (roster_id, person_id) where status <> 'CANCELLED' and person_id is not null;
create index civic_place_roster on civic_place (roster_id, status, id);
create index civic_place_person_all on civic_place (person_id);

create table civic_event (
    id                      bigserial primary key,
    community_id            bigint        not null,
    title_uk                varchar(300)  not null,
    title_en                varchar(300)  not null,
    summary_uk              varchar(2000) not null default '',
    summary_en              varchar(2000) not null default '',
    starts_at               timestamptz   not null,
    ends_at                 timestamptz   not null,
    place                   varchar(300),
    online_url              varchar(500),
    roster_id               bigint        not null references civic_roster (id),
    organisation_id         bigint        references civic_organisation (id),
    published               boolean       not null default true,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    check (ends_at > starts_at),
    check (place is not null or online_url is not null)
);
create index civic_event_starts on civic_event (community_id, starts_at);

create table civic_event_session (
    id                      bigserial primary key,
    community_id            bigint        not null,
    event_id                bigint        not null references civic_event (id) on delete cascade,
    starts_at               timestamptz   not null,
    ends_at                 timestamptz   not null,
    title_uk                varchar(300)  not null,
    title_en                varchar(300)  not null,
    speakers                varchar(1000) not null default '',
    check (ends_at > starts_at)
);
create index civic_event_session_event on civic_event_session (event_id, starts_at);
