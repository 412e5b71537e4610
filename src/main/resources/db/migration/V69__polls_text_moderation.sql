-- Free texts of polls (answers to a text question and "other" texts) are moderated before they are
-- published: a moderator approves (published) or hides each. An answer gets a random id to be named
-- by, so that, like the response's id, it says nothing of the order in which people answered.
alter table poll_answer add column id uuid not null default gen_random_uuid();
alter table poll_answer add constraint poll_answer_pkey primary key (id);
alter table poll_answer add column hidden boolean not null default false;
alter table poll_answer add constraint poll_answer_moderated_once check (not (published and hidden));
create index poll_answer_texts on poll_answer (question_id) where text is not null;
