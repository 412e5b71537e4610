-- A contribution to a consultation may be written on behalf of a verified civic organisation the
-- person acts for: its id in the civic register and its name as it was then (the report lists
-- participating organisations by name).
alter table consultation_comment add column organisation_id bigint;
alter table consultation_comment add column organisation_name varchar(300);
alter table consultation_comment add constraint consultation_comment_organisation
    check ((organisation_id is null) = (organisation_name is null));
create index consultation_comment_organisation on consultation_comment (consultation_id, organisation_id)
    where organisation_id is not null;
