-- Polls: questions grouped in sections (a heading shown before the first question of each), and a
-- simple condition: a question is asked only when an earlier choice question has a given option chosen.
alter table poll_question add column section varchar(200) not null default '';
alter table poll_question add column show_if_question_id bigint references poll_question (id) on delete cascade;
alter table poll_question add column show_if_option_id bigint references poll_option (id) on delete cascade;
alter table poll_question add constraint poll_question_condition_whole
    check ((show_if_question_id is null) = (show_if_option_id is null));
