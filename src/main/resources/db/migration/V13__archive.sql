-- The archive's holdings: fond → inventory (опис) → file (справа) → page (аркуш), and index terms.
create table archive_fond (
    id              bigserial primary key,
    community_id    bigint       not null,
    number          varchar(20)  not null,
    title           varchar(500) not null,
    year_from       integer,
    year_to         integer,
    creator         varchar(500) not null default '',
    history         text         not null default '',
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    unique (community_id, number)
);

create table archive_inventory (
    id              bigserial primary key,
    community_id    bigint       not null,
    fond_id         bigint       not null references archive_fond (id),
    number          varchar(20)  not null,
    title           varchar(500) not null,
    year_from       integer,
    year_to         integer,
    unique (fond_id, number)
);

create table archive_file (
    id              bigserial primary key,
    community_id    bigint       not null,
    inventory_id    bigint       not null references archive_inventory (id),
    number          varchar(20)  not null,
    title           varchar(1000) not null,
    date_from       date,
    date_to         date,
    extent          integer      not null default 0,
    language        varchar(10)  not null default 'uk',
    personal_data   boolean      not null default false,
    access_override varchar(10),
    override_reason varchar(1000),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0,
    unique (inventory_id, number)
);

create table archive_page (
    id              bigserial primary key,
    community_id    bigint       not null,
    file_id         bigint       not null references archive_file (id),
    number          integer      not null,
    scan_key        varchar(100) not null,
    scan_name       varchar(200) not null,
    scan_type       varchar(100) not null,
    scan_size       bigint       not null,
    scan_page       integer,
    text            text         not null default '',
    text_source     varchar(10)  not null,
    text_status     varchar(10)  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    unique (file_id, number)
);
create index archive_page_pending on archive_page (text_status) where text_status = 'PENDING';

create table archive_term (
    id              bigserial primary key,
    community_id    bigint       not null,
    kind            varchar(10)  not null,
    name            varchar(300) not null,
    unique (community_id, kind, name)
);

create table archive_file_term (
    file_id         bigint not null references archive_file (id),
    term_id         bigint not null references archive_term (id),
    primary key (file_id, term_id)
);
create index archive_file_term_term on archive_file_term (term_id);
