-- Civic initiatives (issue 29): proposed by a signed-in person, optionally on behalf of a verified
-- organisation they registered (its name kept as given); moderated (published or refused with a
-- reason); published ones collect supporters, one row per person (the primary key is what makes a
-- second support by the same person impossible, however many arrive at once); staff move them
-- through stages with dated progress notes and a result text.
create table civic_initiative (
    id                      bigserial primary key,
    community_id            bigint        not null,
    title                   varchar(300)  not null,
    body                    text          not null check (length(body) <= 20000),
    author_person_id        bigint,
    author_account_id       bigint,
    organisation_id         bigint,
    organisation_name       varchar(300),
    status                  varchar(20)   not null check (status in ('PENDING', 'PUBLISHED', 'REFUSED')),
    refusal_reason          varchar(2000),
    stage                   varchar(20)   not null check (stage in ('PROPOSED', 'UNDER_REVIEW', 'IN_PROGRESS', 'IMPLEMENTED', 'DECLINED')),
    result                  text          not null default '',
    created_at              timestamptz   not null,
    decided_at              timestamptz,
    updated_at              timestamptz   not null,
    check ((status = 'REFUSED') = (refusal_reason is not null))
);
create index civic_initiative_list on civic_initiative (community_id, status, stage, created_at desc);
create index civic_initiative_author on civic_initiative (author_person_id);

create table civic_initiative_support (
    initiative_id           bigint        not null references civic_initiative (id) on delete cascade,
    person_id               bigint        not null,
    community_id            bigint        not null,
    created_at              timestamptz   not null,
    primary key (initiative_id, person_id)
);
create index civic_initiative_support_person on civic_initiative_support (person_id);

create table civic_initiative_note (
    id                      bigserial primary key,
    community_id            bigint        not null,
    initiative_id           bigint        not null references civic_initiative (id) on delete cascade,
    noted_on                date          not null,
    stage                   varchar(20)   not null,
    text                    varchar(4000) not null,
    created_at              timestamptz   not null
);
create index civic_initiative_note_initiative on civic_initiative_note (initiative_id, noted_on, id);
