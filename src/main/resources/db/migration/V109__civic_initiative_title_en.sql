-- Civic initiatives (issue 29): an optional English title, shown to English readers and in the site search.
alter table civic_initiative add column title_en varchar(300);
