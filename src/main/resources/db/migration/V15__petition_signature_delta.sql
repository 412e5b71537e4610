-- Signature counts without one hot row (decision 0021): a signature appends +1, a withdrawal -1;
-- the deltas are folded into petition.signature_count under the petition's lock, every second and
-- whenever the threshold may have been reached. Exact count = signature_count + sum of its deltas.
create table petition_signature_delta (
    id          bigserial primary key,
    petition_id bigint   not null references petition (id),
    delta       smallint not null check (delta in (-1, 1))
);
create index petition_signature_delta_petition on petition_signature_delta (petition_id);
