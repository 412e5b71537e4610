-- The person who wrote an update as the project's author (a note on their own project), so that
-- the name on it goes when they delete their account; null for an official's update.
alter table budget_update add column author_person_id bigint;

-- Notes written before: an update without a state, signed with the name the project's author had.
update budget_update u set author_person_id = p.author_person_id
  from budget_project p
 where p.id = u.project_id and u.status is null and u.author_name = p.author_name and p.author_name <> '';

create index budget_update_author on budget_update (author_person_id) where author_person_id is not null;
