-- Platform-wide calendar overrides: days the Cabinet moved (a Saturday worked, a weekday off).
create table calendar_override (
    day         date         primary key,
    working     boolean      not null,
    note        varchar(300) not null
);
