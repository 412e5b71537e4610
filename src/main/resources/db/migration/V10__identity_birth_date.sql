-- A verified person's date of birth (from the identity provider), for age rules such as the
-- participatory budget's minimum voter age.
alter table person add column birth_date date;
