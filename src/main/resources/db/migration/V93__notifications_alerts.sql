-- Civil-protection alerts: composed by one official, confirmed by another (four eyes), then queued
-- as one notify_delivery row per recipient and channel.
create table notify_alert (
    id                      bigserial primary key,
    community_id            bigint        not null,
    kind                    varchar(20)   not null check (kind in ('AIR_RAID', 'SHELLING', 'CHEMICAL', 'RADIATION',
                                                                    'WEATHER', 'INFRASTRUCTURE', 'ALL_CLEAR', 'OTHER')),
    text_uk                 varchar(1000) not null,
    text_en                 varchar(1000) not null,
    districts               varchar(1000) not null default '',
    expires_at              timestamptz   not null,
    status                  varchar(12)   not null check (status in ('DRAFT', 'BROADCAST', 'WITHDRAWN')),
    created_by_account_id   bigint,
    created_by_name         varchar(200)  not null,
    created_at              timestamptz   not null,
    confirmed_by_account_id bigint,
    confirmed_by_name       varchar(200),
    confirmed_at            timestamptz,
    recipients              integer       not null default 0
);
create index notify_alert_list on notify_alert (community_id, status, created_at desc);

alter table notify_delivery add constraint notify_delivery_alert_fk foreign key (alert_id) references notify_alert (id);
