-- Exact residency: each community lists its settlements with their codes of the Кодифікатор
-- адміністративно-територіальних одиниць та територій територіальних громад (KATOTTG, "UA" and
-- 17 digits). A verified address carries its code; a declaration names one of the listed settlements.
create table settlement (
    id              bigserial primary key,
    community_id    bigint       not null,
    katottg         varchar(19)  not null check (katottg ~ '^UA[0-9]{17}$'),
    name_uk         varchar(200) not null,
    name_en         varchar(200) not null,
    created_at      timestamptz  not null default now(),
    unique (community_id, katottg)
);

-- the code of the verified address (from ID.GOV.UA), compared with the community's settlements
alter table person add column katottg varchar(19) check (katottg ~ '^UA[0-9]{17}$');

-- a declaration names the settlement (its code) and the address in it
alter table residency add column katottg varchar(19) check (katottg ~ '^UA[0-9]{17}$');
alter table residency add column address varchar(500);

-- declarations made with one click named no address; they are no basis under the exact rule
delete from residency where basis = 'DECLARED';
alter table residency add constraint residency_declared_address
    check (basis <> 'DECLARED' or (katottg is not null and address is not null));
