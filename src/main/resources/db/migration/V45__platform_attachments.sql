-- One table for the files people attach to what a module owns (decision 0035). The files stay
-- where they are in the file store: the rows keep their storage keys. A moved row keeps the id its
-- download link had (legacy_id), and new ids start above every old one, so old links still work.
create table attachment (
    id              bigserial    primary key,
    community_id    bigint       not null,
    owner_module    varchar(40)  not null,
    owner_kind      varchar(40)  not null,
    owner_id        bigint       not null,
    position        integer      not null,
    name            varchar(200) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    sha256          varchar(64)  not null,
    storage_key     varchar(200) not null unique,
    created_at      timestamptz  not null,
    legacy_id       bigint
);
create index attachment_owner on attachment (community_id, owner_module, owner_kind, owner_id, position);
comment on column attachment.sha256 is 'hex SHA-256 of the stored bytes; empty for a moved row until filled in at start';
comment on column attachment.legacy_id is 'the id of the row in the module table it was moved from (its download link)';

select setval(pg_get_serial_sequence('attachment', 'id'), greatest(
        (select coalesce(max(id), 0) from petition_attachment),
        (select coalesce(max(id), 0) from appeal_attachment),
        (select coalesce(max(id), 0) from problem_photo),
        (select coalesce(max(id), 0) from budget_photo)) + 1, false);

insert into attachment (community_id, owner_module, owner_kind, owner_id, position, name, content_type, size_bytes, sha256,
                        storage_key, created_at, legacy_id)
select community_id, 'petitions', 'petition', petition_id,
       (row_number() over (partition by petition_id order by id) - 1)::integer,
       file_name, content_type, size_bytes, '', file_key, uploaded_at, id
from petition_attachment order by id;

insert into attachment (community_id, owner_module, owner_kind, owner_id, position, name, content_type, size_bytes, sha256,
                        storage_key, created_at, legacy_id)
select community_id, 'appeals', case when answer then 'answer' else 'appeal' end, appeal_id,
       (row_number() over (partition by appeal_id, answer order by id) - 1)::integer,
       file_name, content_type, size_bytes, '', file_key, created_at, id
from appeal_attachment order by id;

insert into attachment (community_id, owner_module, owner_kind, owner_id, position, name, content_type, size_bytes, sha256,
                        storage_key, created_at, legacy_id)
select community_id, 'problems', 'report', report_id,
       (row_number() over (partition by report_id order by id) - 1)::integer,
       'photo-' || id || case content_type when 'image/png' then '.png' else '.jpg' end,
       content_type, size_bytes, '', file_key, uploaded_at, id
from problem_photo order by id;

insert into attachment (community_id, owner_module, owner_kind, owner_id, position, name, content_type, size_bytes, sha256,
                        storage_key, created_at, legacy_id)
select community_id, 'budget', case when update_id is null then 'project' else 'update' end, coalesce(update_id, project_id),
       (row_number() over (partition by project_id, update_id order by id) - 1)::integer,
       file_name, content_type, size_bytes, '', file_key, created_at, id
from budget_photo order by id;

drop table petition_attachment;
drop table appeal_attachment;
drop table problem_photo;
drop table budget_photo;
