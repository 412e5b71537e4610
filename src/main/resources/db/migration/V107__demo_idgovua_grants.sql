-- The demo ID.GOV.UA provider's codes and access tokens, kept in the database so that a code
-- issued by one node is redeemed by another behind a load balancer. Only hashes of the secrets.
create table demo_idgovua_grant (
    secret_hash  text primary key,
    kind         text not null check (kind in ('CODE', 'TOKEN')),
    user_id      text not null,
    person_key   text not null,
    last_name    text not null,
    given_name   text not null,
    middle_name  text not null,
    tax_number   text not null,
    address      text not null,
    email        text not null,
    phone        text not null,
    katottg      text not null,
    expires_at   timestamptz not null
);
create index demo_idgovua_grant_expiry on demo_idgovua_grant (expires_at);
