-- Spring Modulith event publication registry (JPA) and Spring Session (JDBC).
create table event_publication (
    id                      uuid primary key,
    listener_id             varchar(512) not null,
    event_type              varchar(512) not null,
    serialized_event        text         not null,
    publication_date        timestamptz  not null,
    completion_date         timestamptz,
    last_resubmission_date  timestamptz,
    completion_attempts     integer      not null default 0,
    status                  varchar(20)
);
create index event_publication_incomplete on event_publication (publication_date) where completion_date is null;

create table event_publication_archive (
    id                      uuid primary key,
    listener_id             varchar(512) not null,
    event_type              varchar(512) not null,
    serialized_event        text         not null,
    publication_date        timestamptz  not null,
    completion_date         timestamptz,
    last_resubmission_date  timestamptz,
    completion_attempts     integer      not null default 0,
    status                  varchar(20)
);

create table spring_session (
    primary_id              char(36)     not null primary key,
    session_id              char(36)     not null unique,
    creation_time           bigint       not null,
    last_access_time        bigint       not null,
    max_inactive_interval   integer      not null,
    expiry_time             bigint       not null,
    principal_name          varchar(100)
);
create index spring_session_expiry on spring_session (expiry_time);
create index spring_session_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id      char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name          varchar(200) not null,
    attribute_bytes         bytea        not null,
    primary key (session_primary_id, attribute_name)
);
