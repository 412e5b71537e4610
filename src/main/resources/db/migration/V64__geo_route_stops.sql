-- A tourist route's stops in order: objects of the community's map (sights and other places) that
-- the route's line joins one after another. The route is an object of a routes layer; its line,
-- length and walking time are computed from the stops (geo.domain.GeoRoutes).
create table geo_route_stop (
    id              bigserial primary key,
    community_id    bigint  not null,
    route_id        bigint  not null references geo_object (id) on delete cascade,
    position        integer not null check (position >= 1),
    stop_id         bigint  not null references geo_object (id) on delete cascade,
    unique (route_id, position)
);
create index geo_route_stop_stop on geo_route_stop (stop_id);
