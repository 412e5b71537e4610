-- Event reminders: when a registered person was reminded (once per registration; the update that
-- sets it from null is what claims the reminder, so two nodes or runs never send it twice).
-- A person the hotline operator registers may leave an e-mail address to be told when they move up
-- from the waiting list; without one, the operator calls them.
alter table civic_place add column reminded_at timestamptz;
alter table civic_place add column email varchar(320);
create index civic_place_to_remind on civic_place (roster_id) where status = 'REGISTERED' and reminded_at is null;

-- Courses in the site search: until when a programme takes registrations (the latest first lesson
-- of its groups), kept by the module whenever a group is added or changed.
alter table civic_course add column open_until timestamptz;
update civic_course c set open_until = (select max(f.first_at) from (select min(l.starts_at) as first_at from civic_course_lesson l
    join civic_course_group g on g.id = l.group_id where g.course_id = c.id group by g.id) f);
