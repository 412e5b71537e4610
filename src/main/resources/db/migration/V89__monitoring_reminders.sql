-- Reminders of the quarterly figures: a department is reminded once before the day its values are
-- due and once when they are overdue, for each quarter.
create table monitoring_reminder (
    community_id        bigint       not null,
    programme_id        bigint       not null references monitoring_programme (id) on delete cascade,
    year                integer      not null,
    quarter             integer      not null,
    department_id       bigint       not null,
    kind                varchar(10)  not null check (kind in ('DUE', 'OVERDUE')),
    sent_at             timestamptz  not null,
    primary key (programme_id, year, quarter, department_id, kind)
);
