-- Advisory bodies of a community (громадська рада, молодіжна рада, …; issue 29, seed 001): their
-- composition with roles and terms (a member may be a verified organisation of the register), their
-- meetings with agenda, minutes and numbered decisions, and the dated events of their history
-- (elections, rotations). PDF minutes and decisions are platform attachments owned by
-- ('civic', 'body-meeting', meeting id) and ('civic', 'body-decision', decision id).
create table civic_body (
    id                      bigserial primary key,
    community_id            bigint        not null,
    kind                    varchar(20)   not null check (kind in ('PUBLIC_COUNCIL', 'YOUTH_COUNCIL', 'EXPERT_COUNCIL', 'OTHER')),
    name_uk                 varchar(300)  not null,
    name_en                 varchar(300)  not null default '',
    description             text          not null default '',
    founding_act            varchar(500)  not null default '',
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null
);
create index civic_body_community on civic_body (community_id, name_uk);

create table civic_body_member (
    id                      bigserial primary key,
    community_id            bigint        not null,
    body_id                 bigint        not null references civic_body (id) on delete cascade,
    name                    varchar(300)  not null,
    role                    varchar(20)   not null check (role in ('CHAIR', 'DEPUTY', 'SECRETARY', 'MEMBER')),
    term_from               date          not null,
    term_to                 date,
    organisation_id         bigint references civic_organisation (id),
    check (term_to is null or term_to >= term_from)
);
create index civic_body_member_body on civic_body_member (body_id, term_from);

create table civic_body_meeting (
    id                      bigserial primary key,
    community_id            bigint        not null,
    body_id                 bigint        not null references civic_body (id) on delete cascade,
    held_on                 date          not null,
    place                   varchar(300)  not null default '',
    agenda                  text          not null default '',
    minutes                 text          not null default '',
    created_at              timestamptz   not null
);
create index civic_body_meeting_body on civic_body_meeting (body_id, held_on desc);

create table civic_body_decision (
    id                      bigserial primary key,
    community_id            bigint        not null,
    meeting_id              bigint        not null references civic_body_meeting (id) on delete cascade,
    number                  int           not null check (number > 0),
    text                    text          not null,
    unique (meeting_id, number)
);

create table civic_body_event (
    id                      bigserial primary key,
    community_id            bigint        not null,
    body_id                 bigint        not null references civic_body (id) on delete cascade,
    happened_on             date          not null,
    kind                    varchar(20)   not null check (kind in ('FOUNDED', 'ELECTION', 'ROTATION', 'OTHER')),
    text                    varchar(2000) not null
);
create index civic_body_event_body on civic_body_event (body_id, happened_on desc);
