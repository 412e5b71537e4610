-- Civil-society organisations of a community (SPEC §10, seed 001): registered by a signed-in
-- person, verified or refused with a reason by staff; only verified ones are public.
create table civic_organisation (
    id                      bigserial primary key,
    community_id            bigint        not null,
    name                    varchar(300)  not null,
    edrpou                  varchar(8)    not null check (edrpou ~ '^[0-9]{8}$'),
    legal_form              varchar(30)   not null,
    fields                  varchar(500)  not null default '',
    email                   varchar(200),
    phone                   varchar(40),
    website                 varchar(300),
    address                 varchar(300),
    description             text          not null default '',
    status                  varchar(20)   not null check (status in ('PENDING', 'VERIFIED', 'REFUSED')),
    refusal_reason          varchar(2000),
    created_by_person_id    bigint,
    created_by_account_id   bigint,
    created_at              timestamptz   not null,
    decided_at              timestamptz,
    check ((status = 'REFUSED') = (refusal_reason is not null))
);
-- one live record per code in a community; a refused one may be registered again
create unique index civic_organisation_code on civic_organisation (community_id, edrpou) where status <> 'REFUSED';
create index civic_organisation_status on civic_organisation (community_id, status, name);
create index civic_organisation_person on civic_organisation (created_by_person_id);
