-- Photos of budget projects: the author's (with the project) and the implementation's (with an update).
create table budget_photo (
    id                      bigserial primary key,
    community_id            bigint       not null,
    project_id              bigint       not null references budget_project (id),
    update_id               bigint       references budget_update (id),
    file_key                varchar(100) not null,
    file_name               varchar(200) not null,
    content_type            varchar(100) not null,
    size_bytes              bigint       not null,
    created_at              timestamptz  not null
);
create index budget_photo_project on budget_photo (project_id, id);
