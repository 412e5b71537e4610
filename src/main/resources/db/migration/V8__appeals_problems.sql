-- Problem reports (повідомлення про проблему) and their Open311 GeoReport v2 clients.
create table problem_category (
    id              bigserial primary key,
    community_id    bigint       not null,
    code            varchar(40)  not null,
    name_uk         varchar(200) not null,
    name_en         varchar(200) not null,
    department_id   bigint,
    active          boolean      not null default true,
    unique (community_id, code)
);

create table problem_report (
    id                  bigserial primary key,
    community_id        bigint        not null,
    category_id         bigint        not null references problem_category (id),
    status              varchar(20)   not null check (status in
                          ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED', 'DUPLICATE')),
    latitude            double precision,
    longitude           double precision,
    address             varchar(300),
    description         text          not null,
    reporter_name       varchar(200),
    reporter_email      varchar(254),
    reporter_phone      varchar(40),
    reporter_account_id bigint,
    hide_name           boolean       not null default false,
    media_url           varchar(500),
    duplicate_of_id     bigint references problem_report (id),
    source              varchar(20)   not null,
    idempotency_key     varchar(100)  not null,
    token               varchar(40)   not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0,
    check ((latitude is null) = (longitude is null)),
    check (latitude is not null or address is not null),
    -- the same submission sent twice (double click, retry, concurrent requests) is one report
    unique (community_id, idempotency_key),
    unique (token)
);
create index problem_report_list on problem_report (community_id, status, category_id);
create index problem_report_created on problem_report (community_id, created_at);

create table problem_update (
    id              bigserial primary key,
    community_id    bigint       not null,
    report_id       bigint       not null references problem_report (id),
    status          varchar(20)  not null,
    comment         varchar(4000),
    author_name     varchar(200),
    official        boolean      not null,
    created_at      timestamptz  not null
);
create index problem_update_report on problem_update (report_id);

create table problem_photo (
    id              bigserial primary key,
    community_id    bigint       not null,
    report_id       bigint       not null references problem_report (id),
    file_key        varchar(200) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    uploaded_at     timestamptz  not null
);
create index problem_photo_report on problem_photo (report_id);

create table problem_subscriber (
    id              bigserial primary key,
    community_id    bigint       not null,
    report_id       bigint       not null references problem_report (id),
    email           varchar(254) not null,
    confirmed       boolean      not null,
    token           varchar(40)  not null unique,
    created_at      timestamptz  not null,
    unique (report_id, email)
);

-- Open311 clients: only a SHA-256 hash of the key is kept; the key is shown once when issued.
create table open311_client (
    id              bigserial primary key,
    community_id    bigint       not null,
    name            varchar(200) not null,
    key_hash        varchar(64)  not null unique,
    created_at      timestamptz  not null,
    revoked_at      timestamptz
);
