-- Rate limits shared by every node: one token bucket per limit and key (Bucket4j's PostgreSQL
-- proxy manager, select for update). The key is stored only as a SHA-256 hash, so no address or
-- e-mail is kept; a bucket is removed once it would be full again.
create table rate_bucket (
    id          varchar(64) primary key,
    state       bytea,
    expires_at  bigint
);
create index rate_bucket_expires on rate_bucket (expires_at);
