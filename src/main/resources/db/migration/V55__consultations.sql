-- E-consultations on draft decisions (SPEC §4): a draft in sections and its versions, residents'
-- comments, amendments and replies, supports and objections, abuse reports, officials' decisions
-- on each amendment and the report when the period ends.
create table consultation (
    id                      bigserial primary key,
    community_id            bigint        not null,
    title                   varchar(300)  not null,
    summary                 varchar(2000) not null default '',
    body_text               text          not null default '',
    department_id           bigint,
    status                  varchar(20)   not null check (status in ('PUBLISHED', 'REPORTED')),
    draft_version           integer       not null default 1 check (draft_version >= 1),
    residency_required      boolean       not null,
    minimum_age             integer       not null default 0 check (minimum_age between 0 and 120),
    opens_at                timestamptz   not null,
    closes_at               timestamptz   not null,
    report_due_at           timestamptz   not null,
    created_at              timestamptz   not null,
    created_by_account_id   bigint,
    report_text             text,
    final_text              text,
    report_published_at     timestamptz,
    hidden_at               timestamptz,
    hidden_reason           varchar(2000),
    version                 bigint        not null default 0,
    check (closes_at > opens_at)
);
create index consultation_community_closes on consultation (community_id, closes_at);

create table consultation_section (
    id                      bigserial primary key,
    community_id            bigint        not null,
    consultation_id         bigint        not null references consultation (id) on delete cascade,
    draft_version           integer       not null,
    position                integer       not null,
    heading                 varchar(300)  not null,
    body                    text          not null,
    unique (consultation_id, draft_version, position)
);

-- a comment, an amendment (kind PROPOSAL: new wording of its section) or a reply (parent_id: a
-- comment or amendment without a parent, so that replies stay one level deep)
create table consultation_comment (
    id                      bigserial primary key,
    community_id            bigint        not null,
    consultation_id         bigint        not null references consultation (id) on delete cascade,
    section_id              bigint        not null references consultation_section (id) on delete cascade,
    parent_id               bigint        references consultation_comment (id) on delete cascade,
    kind                    varchar(20)   not null check (kind in ('COMMENT', 'PROPOSAL', 'REPLY')),
    person_id               bigint        not null,
    author_name             varchar(300)  not null,
    text                    text          not null,
    proposed_text           text,
    created_at              timestamptz   not null,
    hidden_at               timestamptz,
    hidden_reason           varchar(2000),
    decision                varchar(20)   check (decision in ('TAKEN', 'PARTLY', 'NOT_TAKEN')),
    decision_reason         text,
    decided_at              timestamptz,
    check ((kind = 'PROPOSAL') = (proposed_text is not null)),
    check ((kind = 'REPLY') = (parent_id is not null))
);
create index consultation_comment_consultation on consultation_comment (consultation_id, created_at, id);
create index consultation_comment_person on consultation_comment (person_id);

-- support (+1) or objection (-1) of an amendment: one per person, changed in place
create table consultation_support (
    id                      bigserial primary key,
    community_id            bigint        not null,
    proposal_id             bigint        not null references consultation_comment (id) on delete cascade,
    person_id               bigint        not null,
    stance                  smallint      not null check (stance in (-1, 1)),
    given_at                timestamptz   not null,
    unique (proposal_id, person_id)
);
create index consultation_support_person on consultation_support (person_id);

create table consultation_abuse_report (
    id                      bigserial primary key,
    community_id            bigint        not null,
    comment_id              bigint        not null references consultation_comment (id) on delete cascade,
    person_id               bigint        not null,
    reason                  varchar(1000) not null,
    reported_at             timestamptz   not null,
    unique (comment_id, person_id)
);
create index consultation_abuse_report_person on consultation_abuse_report (person_id);
