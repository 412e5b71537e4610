-- An event's place may have its point on the map (WGS 84): the event's page then links to the
-- geoportal's map there, and the community's events with a point are a map layer.
alter table civic_event add column latitude double precision;
alter table civic_event add column longitude double precision;
alter table civic_event add constraint civic_event_point check (
    (latitude is null and longitude is null)
    or (latitude between -90 and 90 and longitude between -180 and 180));
