-- Polls, anonymity (decision 0063): a response is written in the transaction that records its person
-- as a participant, so PostgreSQL's system columns (xmin, the writing transaction; ctid, the row's
-- place) would join the two. A poll answered online is marked here (the poll only, one row per
-- answer, no key to wait on) until its responses are written again all at once, in the order of
-- their random ids; the marks are deleted then.
create table poll_unmixed (
    poll_id                 bigint        not null references poll (id) on delete cascade
);
create index poll_unmixed_poll on poll_unmixed (poll_id);
-- mixing deletes a poll's responses, and with them (on delete cascade) their answers, one lookup each
create index poll_answer_response on poll_answer (response_id);

-- Who may answer: any signed-in account with a confirmed e-mail (verified_only false), or only
-- people at the community's assurance level (true, as every poll so far required).
update poll set verified_only = true;
alter table poll alter column verified_only set default true;
