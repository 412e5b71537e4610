-- The actual values of indicators that have no formula (yes/no, text, or a number given as such),
-- recorded by the programme's coordinator year by year. Indicators with a formula take their
-- actual values from the accepted quarterly figures instead.
create table monitoring_indicator_actual (
    indicator_id        bigint       not null references monitoring_indicator (id) on delete cascade,
    year                integer      not null,
    value               varchar(500) not null,
    primary key (indicator_id, year)
);

-- Supporting documents of quarterly values are attachments owned by the entry; the column that
-- was meant for them was never used.
alter table monitoring_entry drop column document_id;
