-- Digital-literacy courses (SPEC §10, seed 001): programmes with their partner organisations,
-- groups with a schedule of lessons and a roster of seats (civic_roster kind 'GROUP'), and the
-- priority group a participant belongs to (older people, people with disabilities, IDPs, veterans…),
-- for the seats a community reserves for them.
alter table civic_place add column priority varchar(30);

create table civic_course (
    id                      bigserial primary key,
    community_id            bigint        not null,
    title_uk                varchar(300)  not null,
    title_en                varchar(300)  not null,
    description_uk          varchar(4000) not null default '',
    description_en          varchar(4000) not null default '',
    lessons                 integer       not null check (lessons between 1 and 200),
    threshold               integer       not null check (threshold between 1 and 200),
    created_at              timestamptz   not null,
    check (threshold <= lessons)
);
create index civic_course_community on civic_course (community_id, id);

create table civic_course_partner (
    course_id               bigint        not null references civic_course (id) on delete cascade,
    organisation_id         bigint        not null references civic_organisation (id),
    primary key (course_id, organisation_id)
);

create table civic_course_group (
    id                      bigserial primary key,
    community_id            bigint        not null,
    course_id               bigint        not null references civic_course (id) on delete cascade,
    name                    varchar(200)  not null,
    place                   varchar(300)  not null,
    roster_id               bigint        not null references civic_roster (id),
    created_at              timestamptz   not null
);
create index civic_course_group_course on civic_course_group (course_id, id);

create table civic_course_lesson (
    id                      bigserial primary key,
    community_id            bigint        not null,
    group_id                bigint        not null references civic_course_group (id) on delete cascade,
    number                  integer       not null,
    starts_at               timestamptz   not null,
    ends_at                 timestamptz   not null,
    place                   varchar(300)  not null,
    check (ends_at > starts_at),
    unique (group_id, number)
);
