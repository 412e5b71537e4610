-- The public geoportal: layers of the community's map (with a typed attribute schema) and the
-- objects on them (a GeoJSON geometry, its representative point and bounding box, attribute
-- values, the shared accessibility set). A layer's attribute schema is one attribute a line:
-- key | type | name in Ukrainian | name in English | choices (geo.domain.AttributeSpec).
create table geo_layer (
    id              bigserial primary key,
    community_id    bigint       not null,
    slug            varchar(60)  not null,
    name_uk         varchar(200) not null,
    name_en         varchar(200) not null,
    standard        varchar(40),
    icon            varchar(30)  not null,
    colour          varchar(7)   not null check (colour ~ '^#[0-9a-f]{6}$'),
    shape           varchar(10)  not null check (shape in ('CIRCLE', 'SQUARE', 'TRIANGLE', 'DIAMOND', 'STAR')),
    label           varchar(3)   not null,
    department_id   bigint,
    published       boolean      not null default false,
    attributes      text         not null default '',
    position        integer      not null default 0,
    created_at      timestamptz  not null,
    unique (community_id, slug)
);

-- access: one letter per accessibility attribute (Y yes, N no, U unknown), in the order of geo.domain.Access.
create table geo_object (
    id              bigserial primary key,
    community_id    bigint        not null,
    layer_id        bigint        not null references geo_layer (id),
    layer_slug      varchar(60)   not null,
    layer_published boolean       not null,
    name_uk         varchar(300)  not null,
    name_en         varchar(300)  not null,
    address         varchar(300),
    description_uk  text,
    description_en  text,
    geometry_type   varchar(20)   not null check (geometry_type in ('Point', 'LineString', 'Polygon')),
    geometry        text          not null,
    latitude        double precision not null,
    longitude       double precision not null,
    min_lat         double precision not null,
    min_lon         double precision not null,
    max_lat         double precision not null,
    max_lon         double precision not null,
    attributes      text          not null default '{}',
    access          varchar(8)    not null default 'UUUUUUUU' check (access ~ '^[YNU]{8}$'),
    access_note     varchar(1000),
    access_checked  date,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
create index geo_object_layer on geo_object (community_id, layer_id);
create index geo_object_point on geo_object (community_id, latitude, longitude);
