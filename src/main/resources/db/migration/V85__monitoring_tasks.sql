-- The programme's tasks, projects and works (annex 1): who is responsible, the period, how they
-- are funded, the expected result, the progress the coordinator records, and the budget lines by
-- year and source (thousand hryvnias) with the planned and the actual spend.
create table monitoring_task (
    id                  bigserial primary key,
    community_id        bigint        not null,
    programme_id        bigint        not null references monitoring_programme (id) on delete cascade,
    priority_id         bigint        not null references monitoring_priority (id) on delete cascade,
    code                varchar(20)   not null,
    name_uk             varchar(2000) not null,
    name_en             varchar(2000) not null default '',
    responsible         varchar(1000) not null default '',
    department_id       bigint,
    period              varchar(200)  not null default '',
    funding             varchar(10)   not null check (funding in ('BUDGET', 'WITHIN', 'NONE')),
    result              varchar(2000) not null default '',
    status              varchar(12)   not null default 'PLANNED'
                                      check (status in ('PLANNED', 'UNDER_WAY', 'DONE', 'SUSPENDED')),
    progress            varchar(2000) not null default '',
    progress_at         timestamptz,
    position            integer       not null,
    unique (programme_id, code)
);
create index monitoring_task_priority on monitoring_task (priority_id, position);

create table monitoring_budget_line (
    task_id             bigint        not null references monitoring_task (id) on delete cascade,
    year                integer       not null,
    source              varchar(10)   not null check (source in ('CITY', 'STATE', 'ITA', 'OTHER')),
    planned             numeric(18, 3) not null check (planned >= 0),
    actual              numeric(18, 3) check (actual >= 0),
    primary key (task_id, year, source)
);
