-- A contribution to a consultation may be written on behalf of a verified civic organisation the
-- person acts for: its id in the civic register and its name as it was then (the report lists
-- participating organisations by name).
alter table consultation_comment add column organisation_id bigint;
alter table consultation_comment add column organisation_name varchar(300);
alter table consultation_comment add constraint consultation_comment_organisation
    check ((organisation_id is null) = (organisation_name is null));
create index consultation_comment_organisation on consultation_comment (consultation_id, organisation_id)
    where organisation_id is not null;

-- Polls: a question may also be asked only when an earlier scale question was answered with at
-- least a value (show_if_min_value, with no option); a condition names an option or a value, never both.
alter table poll_question add column show_if_min_value integer check (show_if_min_value between 1 and 10);
alter table poll_question drop constraint poll_question_condition_whole;
alter table poll_question add constraint poll_question_condition_whole
    check ((show_if_question_id is null) = (show_if_option_id is null and show_if_min_value is null)
           and (show_if_option_id is null or show_if_min_value is null));
