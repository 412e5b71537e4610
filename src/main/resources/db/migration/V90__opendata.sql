-- The open-data portal (decision 0048): the community's register of datasets, their resources
-- (an uploaded file or a link; a generated one points to another module's own export) and every
-- version of a resource (size, SHA-256, when; an uploaded version's bytes are an attachment).
-- uuid: the id harvesters keep (CKAN's id), never changed. name: CKAN's name, the page's address.
create table opendata_dataset (
    id               bigserial primary key,
    community_id     bigint        not null,
    uuid             uuid          not null unique,
    name             varchar(100)  not null check (name ~ '^[a-z0-9][a-z0-9_-]*$'),
    identifier       varchar(200)  not null,
    title_uk         varchar(500)  not null,
    title_en         varchar(500)  not null,
    description_uk   text          not null,
    description_en   text          not null,
    department_id    bigint,
    contact_email    varchar(200),
    keywords         varchar(1000) not null default '',
    theme            varchar(4)    not null,
    legal_basis      varchar(500)  not null default '',
    licence          varchar(20)   not null,
    frequency        varchar(20)   not null,
    temporal_from    date,
    temporal_to      date,
    spatial          varchar(300)  not null default '',
    status           varchar(10)   not null check (status in ('PLANNED', 'PUBLISHED', 'WITHDRAWN')),
    origin           varchar(10)   not null check (origin in ('RESOLUTION', 'OWN', 'GENERATED')),
    source_module    varchar(40),
    created_at       timestamptz   not null,
    modified_at      timestamptz   not null,
    issued_at        timestamptz,
    updated_at       timestamptz,
    reminded_at      timestamptz,
    unique (community_id, name),
    unique (community_id, source_module)
);
create index opendata_dataset_modified on opendata_dataset (community_id, modified_at);

create table opendata_resource (
    id               bigserial primary key,
    community_id     bigint        not null,
    uuid             uuid          not null unique,
    dataset_id       bigint        not null references opendata_dataset (id),
    position         integer       not null,
    name             varchar(300)  not null,
    description      varchar(1000) not null default '',
    format           varchar(10)   not null,
    media_type       varchar(100)  not null,
    url              varchar(1000),
    export_path      varchar(300),
    size_bytes       bigint,
    sha256           varchar(64),
    created_at       timestamptz   not null,
    modified_at      timestamptz   not null,
    downloads        bigint        not null default 0
);
create index opendata_resource_dataset on opendata_resource (dataset_id);

create table opendata_version (
    id               bigserial primary key,
    community_id     bigint        not null,
    resource_id      bigint        not null references opendata_resource (id),
    number           integer       not null,
    size_bytes       bigint        not null,
    sha256           varchar(64)   not null,
    attachment_id    bigint,
    created_at       timestamptz   not null,
    unique (resource_id, number)
);
