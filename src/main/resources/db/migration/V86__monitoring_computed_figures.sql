-- A monitoring figure the platform computes from a module's published figure (its key), instead of a
-- department typing it every quarter.
alter table monitoring_figure add column computed varchar(100);
