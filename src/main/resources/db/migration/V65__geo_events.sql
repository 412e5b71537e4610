-- Events at a place of the community's map (a concert at a sight, a tour from a route's start):
-- a title in both languages, when it starts and ends, a short description. iCalendar export per
-- object and for the whole community (geo.domain.GeoEvents).
create table geo_event (
    id              bigserial primary key,
    community_id    bigint        not null,
    object_id       bigint        not null references geo_object (id) on delete cascade,
    title_uk        varchar(200)  not null,
    title_en        varchar(200)  not null,
    starts_at       timestamptz   not null,
    ends_at         timestamptz   not null check (ends_at > starts_at),
    description_uk  varchar(2000),
    description_en  varchar(2000),
    created_at      timestamptz   not null
);
create index geo_event_object on geo_event (community_id, object_id, starts_at);
create index geo_event_when on geo_event (community_id, ends_at);
