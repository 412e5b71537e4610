-- Polls (SPEC §4): questions with options, one response per person, anonymous by design: who took
-- part (poll_participant) and what was answered (poll_response, poll_answer) share no column, no
-- key, no time and no order by which one could be joined to the other. A response's id is random.
create table poll (
    id                      bigserial primary key,
    community_id            bigint        not null,
    title                   varchar(300)  not null,
    description             varchar(4000) not null default '',
    opens_at                timestamptz   not null,
    closes_at               timestamptz   not null,
    results_live            boolean       not null default false,
    residency_required      boolean       not null,
    minimum_age             integer       not null default 0 check (minimum_age between 0 and 120),
    verified_only           boolean       not null default false,
    created_at              timestamptz   not null,
    hidden_at               timestamptz,
    version                 bigint        not null default 0,
    check (closes_at > opens_at)
);
create index poll_community_closes on poll (community_id, closes_at);

create table poll_question (
    id                      bigserial primary key,
    community_id            bigint        not null,
    poll_id                 bigint        not null references poll (id) on delete cascade,
    position                integer       not null,
    kind                    varchar(20)   not null check (kind in ('SINGLE', 'MULTIPLE', 'RANKING', 'SCALE', 'TEXT')),
    text                    varchar(1000) not null,
    required                boolean       not null default true,
    max_choices             integer,
    scale_max               integer       check (scale_max in (5, 10)),
    low_label               varchar(200),
    high_label              varchar(200),
    allow_other             boolean       not null default false,
    unique (poll_id, position)
);

create table poll_option (
    id                      bigserial primary key,
    community_id            bigint        not null,
    question_id             bigint        not null references poll_question (id) on delete cascade,
    position                integer       not null,
    label                   varchar(300)  not null,
    unique (question_id, position)
);

-- who took part: once per person and poll, nothing else (no time, no channel)
create table poll_participant (
    poll_id                 bigint        not null references poll (id) on delete cascade,
    person_id               bigint        not null,
    community_id            bigint        not null,
    primary key (poll_id, person_id)
);

-- what was answered: no person, no time; paper responses entered by staff are marked
create table poll_response (
    id                      uuid          primary key,
    community_id            bigint        not null,
    poll_id                 bigint        not null references poll (id) on delete cascade,
    paper                   boolean       not null default false
);
create index poll_response_poll on poll_response (poll_id);

create table poll_answer (
    response_id             uuid          not null references poll_response (id) on delete cascade,
    question_id             bigint        not null references poll_question (id) on delete cascade,
    option_id               bigint        references poll_option (id) on delete cascade,
    rank                    integer,
    value                   integer,
    text                    varchar(2000),
    published               boolean       not null default false
);
create index poll_answer_question on poll_answer (question_id);
