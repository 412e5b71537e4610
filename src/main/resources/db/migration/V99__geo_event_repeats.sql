-- An event at a place may repeat every week or every month (a Saturday guided walk, a monthly fair)
-- until a given day, at the same Kyiv time each time.
alter table geo_event add column repeats varchar(10) not null default 'NONE' check (repeats in ('NONE', 'WEEKLY', 'MONTHLY'));
alter table geo_event add column repeats_until date;
alter table geo_event add constraint geo_event_repeats_until check (repeats = 'NONE' or repeats_until is not null);
