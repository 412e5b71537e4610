-- Citizen appeals (Law «Про звернення громадян»): categories routed to departments, appeals with
-- their registration numbers and deadlines, history and internal notes, attachments.
create table appeal_category (
    id                      bigserial primary key,
    community_id            bigint       not null,
    code                    varchar(40)  not null,
    name_uk                 varchar(200) not null,
    name_en                 varchar(200) not null,
    department_id           bigint,
    position                integer      not null default 0,
    active                  boolean      not null default true,
    unique (community_id, code)
);

-- Registration numbers run per community and year; the row is locked by the upsert that takes a number.
create table appeal_number (
    community_id            bigint       not null,
    year                    integer      not null,
    last_number             integer      not null,
    primary key (community_id, year)
);

create table appeal (
    id                      bigserial primary key,
    community_id            bigint       not null,
    registration_number     varchar(30)  not null,
    kind                    varchar(20)  not null check (kind in ('PROPOSAL', 'APPLICATION', 'COMPLAINT')),
    channel                 varchar(20)  not null check (channel in ('WEB', 'HOTLINE', 'PETITION', 'PAPER', 'BOT')),
    status                  varchar(20)  not null check (status in ('REGISTERED', 'IN_WORK', 'ANSWERED', 'CLOSED', 'RETURNED')),
    applicant_person_id     bigint,
    applicant_account_id    bigint,
    applicant_name          varchar(300) not null,
    applicant_address       varchar(500) not null,
    applicant_email         varchar(254),
    applicant_phone         varchar(40),
    benefit                 varchar(200),
    subject                 varchar(200) not null,
    text                    text         not null,
    category_id             bigint       references appeal_category (id),
    department_id           bigint,
    executor_account_id     bigint,
    executor_name           varchar(300),
    registered_by_account_id bigint,
    urgent                  boolean      not null default false,
    received_at             timestamptz  not null,
    registered_on           date         not null,
    due_on                  date         not null,
    extended_reason         varchar(2000),
    extended_at             timestamptz,
    answer_text             text,
    answered_at             timestamptz,
    answered_by_name        varchar(300),
    returned_reason         varchar(2000),
    returned_at             timestamptz,
    closed_at               timestamptz,
    reminded_at             timestamptz,
    rating                  smallint     check (rating between 1 and 5),
    rating_comment          varchar(2000),
    rated_at                timestamptz,
    parent_appeal_id        bigint       references appeal (id),
    source_petition_id      bigint,
    version                 bigint       not null default 0,
    unique (community_id, registration_number)
);
create index appeal_community_status on appeal (community_id, status, due_on);
create index appeal_department on appeal (community_id, department_id, status);
create index appeal_applicant on appeal (applicant_person_id);
create unique index appeal_source_petition on appeal (community_id, source_petition_id) where source_petition_id is not null;

-- What happened to an appeal: public entries the applicant sees, internal notes only officials see.
create table appeal_event (
    id                      bigserial primary key,
    community_id            bigint       not null,
    appeal_id               bigint       not null references appeal (id),
    at                      timestamptz  not null,
    kind                    varchar(30)  not null,
    internal                boolean      not null default false,
    author_name             varchar(300),
    text                    varchar(4000)
);
create index appeal_event_appeal on appeal_event (appeal_id, at, id);

create table appeal_attachment (
    id                      bigserial primary key,
    community_id            bigint       not null,
    appeal_id               bigint       not null references appeal (id),
    answer                  boolean      not null,
    file_key                varchar(100) not null,
    file_name               varchar(200) not null,
    content_type            varchar(100) not null,
    size_bytes              bigint       not null,
    created_at              timestamptz  not null
);
create index appeal_attachment_appeal on appeal_attachment (appeal_id, id);
