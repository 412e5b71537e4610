-- Communities (tenants) and their departments, the audit log and the mail outbox.
create table community (
    id              bigserial primary key,
    slug            varchar(63)  not null unique,
    name_uk         varchar(200) not null,
    name_en         varchar(200) not null,
    kind            varchar(20)  not null check (kind in ('CITY', 'VILLAGE', 'SETTLEMENT')),
    population      integer      not null check (population >= 0),
    region_uk       varchar(200),
    region_en       varchar(200),
    email           varchar(254),
    phone           varchar(50),
    address_uk      varchar(300),
    address_en      varchar(300),
    website         varchar(300),
    host            varchar(253) unique,
    settings        jsonb        not null default '{}'::jsonb,
    created_at      timestamptz  not null default now()
);

create table department (
    id              bigserial primary key,
    community_id    bigint       not null references community (id),
    name_uk         varchar(300) not null,
    name_en         varchar(300) not null,
    email           varchar(254),
    phone           varchar(50),
    unique (community_id, name_uk)
);
create index department_community on department (community_id);

create table audit_entry (
    id              bigserial primary key,
    community_id    bigint       not null,
    occurred_at     timestamptz  not null default now(),
    actor_id        bigint,
    actor_name      varchar(200) not null,
    action          varchar(100) not null,
    object_type     varchar(100) not null,
    object_id       varchar(100),
    details         varchar(2000)
);
create index audit_entry_community_time on audit_entry (community_id, occurred_at desc);

create table mail_message (
    id              bigserial primary key,
    created_at      timestamptz  not null default now(),
    recipient       varchar(254) not null,
    subject         varchar(300) not null,
    body            text         not null,
    status          varchar(20)  not null check (status in ('PENDING', 'SENT', 'KEPT', 'FAILED')),
    attempts        integer      not null default 0,
    sent_at         timestamptz,
    last_error      varchar(1000)
);
create index mail_message_pending on mail_message (id) where status = 'PENDING';
create index mail_message_recipient on mail_message (lower(recipient), id desc);
