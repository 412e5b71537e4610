-- Accounts, persons, external sign-in links, e-mail tokens, residency, census lists, role grants.
create table person (
    id              bigserial primary key,
    tax_hash        varchar(64) unique,
    last_name       varchar(100),
    given_name      varchar(100),
    middle_name     varchar(100),
    address         varchar(500),
    verified_at     timestamptz,
    verified_by     varchar(50),
    created_at      timestamptz not null default now()
);

create table account (
    id                  bigserial primary key,
    email               varchar(254) unique,
    password_hash       varchar(200),
    display_name        varchar(200) not null,
    email_confirmed_at  timestamptz,
    person_id           bigint      not null unique references person (id),
    platform_admin      boolean     not null default false,
    locale              varchar(5)  not null default 'uk',
    created_at          timestamptz not null default now()
);

create table external_login (
    id              bigserial primary key,
    account_id      bigint       not null references account (id) on delete cascade,
    provider        varchar(50)  not null,
    subject         varchar(200) not null,
    created_at      timestamptz  not null default now(),
    unique (provider, subject)
);

create table email_token (
    id              bigserial primary key,
    account_id      bigint       not null references account (id) on delete cascade,
    purpose         varchar(20)  not null check (purpose in ('CONFIRM', 'RESET', 'CHANGE_EMAIL')),
    token_hash      varchar(64)  not null unique,
    new_email       varchar(254),
    expires_at      timestamptz  not null,
    used_at         timestamptz,
    created_at      timestamptz  not null default now()
);

create table residency (
    id              bigserial primary key,
    community_id    bigint       not null,
    person_id       bigint       not null references person (id) on delete cascade,
    basis           varchar(20)  not null check (basis in ('DECLARED', 'CENSUS', 'VERIFIED_ADDRESS')),
    created_at      timestamptz  not null default now(),
    unique (community_id, person_id, basis)
);

create table census_entry (
    id              bigserial primary key,
    community_id    bigint       not null,
    tax_hash        varchar(64)  not null,
    uploaded_at     timestamptz  not null default now(),
    unique (community_id, tax_hash)
);

create table role_grant (
    id              bigserial primary key,
    community_id    bigint       not null,
    account_id      bigint       not null references account (id) on delete cascade,
    role            varchar(30)  not null,
    department_id   bigint,
    granted_by      bigint,
    granted_at      timestamptz  not null default now()
);
create unique index role_grant_unique on role_grant (community_id, account_id, role, coalesce(department_id, 0));
create index role_grant_account on role_grant (account_id);
