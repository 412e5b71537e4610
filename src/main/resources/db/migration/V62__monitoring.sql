-- The digital-development programme: the programme, its priorities, its monitoring figures
-- (annex 3) with their forecasts and the values departments enter, and its indicators (annex 2)
-- with their formulas and the values the programme document publishes.
create table monitoring_programme (
    id                  bigserial primary key,
    community_id        bigint       not null,
    title_uk            varchar(300) not null,
    title_en            varchar(300) not null,
    first_year          integer      not null,
    last_year           integer      not null,
    baseline_year       integer      not null,
    decision            varchar(300) not null default '',
    created_at          timestamptz  not null,
    check (baseline_year < first_year and first_year <= last_year and last_year - first_year < 20)
);
create index monitoring_programme_community on monitoring_programme (community_id, first_year);

create table monitoring_priority (
    id                  bigserial primary key,
    community_id        bigint       not null,
    programme_id        bigint       not null references monitoring_programme (id) on delete cascade,
    number              varchar(20)  not null,
    name_uk             varchar(500) not null,
    name_en             varchar(500) not null default '',
    position            integer      not null,
    unique (programme_id, number)
);

create table monitoring_figure (
    id                  bigserial primary key,
    community_id        bigint       not null,
    programme_id        bigint       not null references monitoring_programme (id) on delete cascade,
    code                varchar(20)  not null,
    name_uk             varchar(1000) not null,
    name_en             varchar(1000) not null default '',
    unit                varchar(200) not null default '',
    provider            varchar(1000) not null default '',
    department_id       bigint,
    never_zero          boolean      not null default false,
    position            integer      not null,
    unique (programme_id, code)
);

-- A figure's baseline and forecasts as the programme states them, one row a year.
create table monitoring_figure_plan (
    figure_id           bigint       not null references monitoring_figure (id) on delete cascade,
    year                integer      not null,
    value               numeric(24, 6) not null,
    primary key (figure_id, year)
);

create table monitoring_indicator (
    id                  bigserial primary key,
    community_id        bigint       not null,
    programme_id        bigint       not null references monitoring_programme (id) on delete cascade,
    priority_id         bigint       not null references monitoring_priority (id) on delete cascade,
    code                varchar(20)  not null,
    name_uk             varchar(1000) not null,
    name_en             varchar(1000) not null default '',
    unit                varchar(100) not null default '',
    type                varchar(10)  not null check (type in ('NUMBER', 'YES_NO', 'TEXT')),
    formula             varchar(200),
    letters             varchar(300) not null default '',
    when_zero           varchar(10)  not null default 'UNSET' check (when_zero in ('UNSET', 'NONE', 'ZERO')),
    published_dynamics  varchar(300) not null default '',
    note                varchar(1000) not null default '',
    position            integer      not null,
    unique (programme_id, code)
);

-- The values of an indicator as the programme document prints them (baseline and targets), as text.
create table monitoring_indicator_plan (
    indicator_id        bigint       not null references monitoring_indicator (id) on delete cascade,
    year                integer      not null,
    published           varchar(100) not null,
    primary key (indicator_id, year)
);
