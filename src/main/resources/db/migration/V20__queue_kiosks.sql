-- CNAP kiosks: only an enrolled device issues tickets at an office's kiosk page. An administrator
-- creates a kiosk for an office and is shown its token and a one-time enrol link once; only their
-- SHA-256 is kept. Each enrolled device holds a secret of its own in a cookie (its SHA-256 here);
-- revoking the kiosk ends every device enrolled with it.
create table cnap_kiosk (
    id              bigserial primary key,
    community_id    bigint        not null,
    office_id       bigint        not null references cnap_office (id),
    name            varchar(100)  not null,
    token_hash      varchar(64)   not null unique,
    link_hash       varchar(64)   unique,
    created_at      timestamptz   not null,
    created_by      varchar(300)  not null,
    revoked_at      timestamptz,
    revoked_by      varchar(300)
);
create index cnap_kiosk_office on cnap_kiosk (community_id, office_id);

create table cnap_kiosk_device (
    id              bigserial primary key,
    community_id    bigint        not null,
    kiosk_id        bigint        not null references cnap_kiosk (id),
    secret_hash     varchar(64)   not null unique,
    enrolled_at     timestamptz   not null
);
create index cnap_kiosk_device_kiosk on cnap_kiosk_device (kiosk_id);
