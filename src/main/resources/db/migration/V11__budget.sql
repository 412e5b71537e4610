-- Participatory budget: yearly cycles with categories and phase dates, projects with cost lines,
-- support signatures, reviews, votes (one per person and project), implementation updates.
create table budget_cycle (
    id                      bigserial primary key,
    community_id            bigint       not null,
    name                    varchar(200) not null,
    year                    integer      not null,
    method                  varchar(20)  not null check (method in ('GREEDY', 'APPROVAL_LIMIT', 'EQUAL_SHARES')),
    votes_per_person        integer      not null check (votes_per_person between 1 and 50),
    one_per_category        boolean      not null default false,
    max_projects            integer      not null default 0,
    min_voter_age           integer      not null default 16,
    min_author_age          integer      not null default 16,
    residency_required      boolean      not null default false,
    supports_needed         integer      not null default 0,
    submission_starts       date         not null,
    submission_ends         date         not null,
    review_ends             date         not null,
    voting_starts           date         not null,
    voting_ends             date         not null,
    results_on              date         not null,
    results_published_at    timestamptz,
    created_at              timestamptz  not null,
    check (submission_starts <= submission_ends and submission_ends <= review_ends
           and review_ends <= voting_starts and voting_starts <= voting_ends and voting_ends <= results_on)
);
create index budget_cycle_community on budget_cycle (community_id, year);

create table budget_category (
    id                      bigserial primary key,
    community_id            bigint       not null,
    cycle_id                bigint       not null references budget_cycle (id),
    name_uk                 varchar(200) not null,
    name_en                 varchar(200) not null,
    amount                  bigint       not null check (amount > 0),
    position                integer      not null default 0
);
create index budget_category_cycle on budget_category (cycle_id);

create table budget_project (
    id                      bigserial primary key,
    community_id            bigint       not null,
    cycle_id                bigint       not null references budget_cycle (id),
    category_id             bigint       not null references budget_category (id),
    author_person_id        bigint       not null,
    author_account_id       bigint,
    author_name             varchar(300) not null,
    title                   varchar(200) not null,
    summary                 varchar(1000) not null,
    description             text         not null,
    latitude                double precision,
    longitude               double precision,
    address                 varchar(300),
    status                  varchar(20)  not null check (status in
                              ('DRAFT', 'SUBMITTED', 'ADMITTED', 'REJECTED', 'WON', 'LOST')),
    cost                    bigint       not null check (cost >= 0),
    revised_cost            bigint       check (revised_cost >= 0),
    department_id           bigint,
    review_reason           varchar(4000),
    reviewed_by_name        varchar(300),
    reviewed_at             timestamptz,
    author_reply            varchar(4000),
    author_replied_at       timestamptz,
    council_decision        varchar(2000),
    created_at              timestamptz  not null,
    submitted_at            timestamptz,
    support_count           integer      not null default 0,
    vote_count              integer      not null default 0 check (vote_count >= 0),
    implementation          varchar(20)  check (implementation in ('PLANNED', 'PROCUREMENT', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    spent                   bigint       not null default 0 check (spent >= 0),
    version                 bigint       not null default 0
);
create index budget_project_cycle on budget_project (cycle_id, status);
create index budget_project_author on budget_project (author_person_id);

create table budget_cost_line (
    id                      bigserial primary key,
    community_id            bigint       not null,
    project_id              bigint       not null references budget_project (id) on delete cascade,
    position                integer      not null,
    item                    varchar(300) not null,
    quantity                numeric(12, 2) not null check (quantity > 0),
    unit_price              bigint       not null check (unit_price >= 0),
    revised                 boolean      not null default false
);
create index budget_cost_line_project on budget_cost_line (project_id, revised, position);

create table budget_support (
    community_id            bigint       not null,
    project_id              bigint       not null references budget_project (id),
    person_id               bigint       not null,
    supported_at            timestamptz  not null,
    primary key (project_id, person_id)
);

-- A voter's ballot in a cycle: the row is locked while votes are counted and added, so one person
-- voting from two sessions never exceeds the votes allowed.
create table budget_ballot (
    community_id            bigint       not null,
    cycle_id                bigint       not null references budget_cycle (id),
    person_id               bigint       not null,
    first_vote_at           timestamptz  not null,
    primary key (cycle_id, person_id)
);

create table budget_vote (
    id                      bigserial primary key,
    community_id            bigint       not null,
    cycle_id                bigint       not null references budget_cycle (id),
    category_id             bigint       not null references budget_category (id),
    project_id              bigint       not null references budget_project (id),
    person_id               bigint       not null,
    cast_at                 timestamptz  not null,
    channel                 varchar(10)  not null check (channel in ('WEB', 'PAPER')),
    registered_by_account_id bigint,
    unique (project_id, person_id)
);
create index budget_vote_person on budget_vote (cycle_id, person_id);

create table budget_update (
    id                      bigserial primary key,
    community_id            bigint       not null,
    project_id              bigint       not null references budget_project (id),
    at                      timestamptz  not null,
    author_name             varchar(300) not null,
    status                  varchar(20),
    spent                   bigint,
    text                    varchar(4000) not null
);
create index budget_update_project on budget_update (project_id, at);
