-- Attachments of petitions (PDF or images), stored in the file store; only the key is kept here.
create table petition_attachment (
    id              bigserial primary key,
    community_id    bigint       not null,
    petition_id     bigint       not null references petition (id),
    file_key        varchar(200) not null,
    file_name       varchar(200) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    uploaded_at     timestamptz  not null
);
create index petition_attachment_petition on petition_attachment (petition_id);
