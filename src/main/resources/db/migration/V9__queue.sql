-- CNAP online queue: catalogue (offices, workplaces, services), bookings with capacity holds,
-- visits in the live queue (check-in, call, outcome) and ratings.
create table cnap_office (
    id              bigserial primary key,
    community_id    bigint        not null,
    name_uk         varchar(300)  not null,
    name_en         varchar(300)  not null,
    address_uk      varchar(300)  not null,
    address_en      varchar(300)  not null,
    latitude        double precision,
    longitude       double precision,
    hours           varchar(200)  not null,
    holidays        varchar(2000) not null default '',
    remote          boolean       not null default false,
    e_queue         boolean       not null default true,
    unique (community_id, name_uk)
);

create table cnap_workplace (
    id              bigserial primary key,
    community_id    bigint        not null,
    office_id       bigint        not null references cnap_office (id),
    code            varchar(40)   not null,
    window_label    varchar(20)   not null,
    unique (community_id, code)
);
create index cnap_workplace_office on cnap_workplace (office_id);

create table cnap_service (
    id                bigserial primary key,
    community_id      bigint        not null,
    code              varchar(40)   not null,
    name_uk           varchar(500)  not null,
    name_en           varchar(500)  not null,
    category_uk       varchar(200)  not null,
    category_en       varchar(200)  not null,
    description       varchar(4000) not null default '',
    documents         varchar(4000) not null default '',
    cost              varchar(200)  not null default '',
    duration_minutes  integer       not null check (duration_minutes between 5 and 240),
    unique (community_id, code)
);

create table cnap_workplace_service (
    community_id    bigint not null,
    workplace_id    bigint not null references cnap_workplace (id) on delete cascade,
    service_id      bigint not null references cnap_service (id) on delete cascade,
    primary key (workplace_id, service_id)
);
create index cnap_workplace_service_service on cnap_workplace_service (service_id);

create table cnap_booking (
    id              bigserial primary key,
    community_id    bigint        not null,
    code            varchar(12)   not null unique,
    person_id       bigint        not null,
    account_id      bigint        not null,
    person_name     varchar(300)  not null,
    email           varchar(254),
    service_id      bigint        not null references cnap_service (id),
    office_id       bigint        not null references cnap_office (id),
    workplace_id    bigint        not null references cnap_workplace (id),
    starts_at       timestamptz   not null,
    ends_at         timestamptz   not null,
    status          varchar(20)   not null check (status in ('BOOKED', 'CANCELLED', 'CHECKED_IN', 'LATE', 'MISSED')),
    created_at      timestamptz   not null,
    cancelled_at    timestamptz,
    checked_in_at   timestamptz,
    reminded_at     timestamptz
);
create index cnap_booking_person on cnap_booking (community_id, person_id, created_at);
create index cnap_booking_office_time on cnap_booking (office_id, starts_at);

-- One row per (workplace, slot unit) a booking holds: the unique key is what keeps two bookings
-- from holding the same capacity, whatever the number of concurrent attempts.
create table cnap_hold (
    workplace_id    bigint       not null references cnap_workplace (id),
    unit_start      timestamptz  not null,
    booking_id      bigint       not null references cnap_booking (id) on delete cascade,
    primary key (workplace_id, unit_start)
);
create index cnap_hold_booking on cnap_hold (booking_id);

create table cnap_visit (
    id              bigserial primary key,
    community_id    bigint        not null,
    office_id       bigint        not null references cnap_office (id),
    service_id      bigint        not null references cnap_service (id),
    booking_id      bigint        references cnap_booking (id),
    day             date          not null,
    ticket          varchar(12)   not null,
    rate_code       varchar(12)   not null unique,
    kind            varchar(10)   not null check (kind in ('BOOKED', 'LIVE')),
    arrived_at      timestamptz   not null,
    queue_at        timestamptz   not null,
    status          varchar(20)   not null check (status in ('WAITING', 'CALLED', 'SERVED', 'NO_SHOW', 'REDIRECTED')),
    workplace_id    bigint        references cnap_workplace (id),
    window_label    varchar(20),
    called_at       timestamptz,
    finished_at     timestamptz,
    redirected_from bigint        references cnap_visit (id),
    rating          integer       check (rating between 1 and 5),
    rating_comment  varchar(2000),
    rated_at        timestamptz
);
create index cnap_visit_ticket on cnap_visit (office_id, day, ticket);
create index cnap_visit_queue on cnap_visit (office_id, status, queue_at);
