-- The programme's coordinating department, the department that provides each figure, and the
-- values departments enter every quarter (kept as history: a new entry for the same quarter
-- replaces the current one, which stays), accepted or returned by the coordinator.
alter table monitoring_programme add column coordinator_department_id bigint;

create table monitoring_entry (
    id                  bigserial primary key,
    community_id        bigint       not null,
    figure_id           bigint       not null references monitoring_figure (id) on delete cascade,
    year                integer      not null,
    quarter             integer      not null check (quarter between 1 and 4),
    value               numeric(24, 6) not null,
    comment             varchar(2000) not null default '',
    document_id         bigint,
    status              varchar(10)  not null check (status in ('ENTERED', 'ACCEPTED', 'RETURNED')),
    current             boolean      not null default true,
    entered_by          bigint,
    entered_at          timestamptz  not null,
    decided_by          bigint,
    decided_at          timestamptz,
    reason              varchar(2000) not null default ''
);
create unique index monitoring_entry_current on monitoring_entry (figure_id, year, quarter) where current;
create index monitoring_entry_figure on monitoring_entry (figure_id, year, quarter, entered_at);
create index monitoring_entry_person on monitoring_entry (entered_by);
