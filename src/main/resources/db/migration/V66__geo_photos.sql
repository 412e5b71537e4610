-- Photos of an object (a sight's facade, a clinic's entrance) with the text alternative a screen
-- reader reads, required in Ukrainian. The file itself is an attachment (platform table
-- attachment) owned by ('geo', 'photo', geo_photo.id), so that one photo can go on its own.
create table geo_photo (
    id              bigserial primary key,
    community_id    bigint        not null,
    object_id       bigint        not null references geo_object (id) on delete cascade,
    alt_uk          varchar(300)  not null check (length(btrim(alt_uk)) > 0),
    alt_en          varchar(300),
    created_at      timestamptz   not null
);
create index geo_photo_object on geo_photo (community_id, object_id);
