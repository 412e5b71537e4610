-- Archive certificates (архівні довідки, витяги, копії): orders with their registration numbers and
-- terms, the archivist's work, the issued PDF (stored once, with its SHA-256) and its public verify code.

-- Numbers run per community and year; the row is locked by the upsert that takes a number.
create table certificate_number (
    community_id            bigint       not null,
    year                    integer      not null,
    last_number             integer      not null,
    primary key (community_id, year)
);

create table certificate_order (
    id                      bigserial primary key,
    community_id            bigint       not null,
    number                  varchar(30)  not null,
    output                  varchar(20)  not null check (output in ('CERTIFICATE', 'EXTRACT', 'COPY')),
    topic                   varchar(20)  not null check (topic in ('SERVICE', 'SALARY', 'DECISION', 'LAND', 'OTHER')),
    delivery                varchar(20)  not null check (delivery in ('DOWNLOAD', 'PICKUP')),
    status                  varchar(20)  not null check (status in ('RECEIVED', 'IN_WORK', 'READY', 'REFUSED')),
    applicant_person_id     bigint,
    applicant_account_id    bigint,
    applicant_name          varchar(300) not null,
    applicant_email         varchar(254) not null,
    organisation            varchar(300),
    position                varchar(200),
    year_from               integer,
    year_to                 integer,
    decision_number         varchar(50),
    decision_date           date,
    land                    varchar(500),
    details                 varchar(4000),
    received_at             timestamptz  not null,
    registered_on           date         not null,
    due_on                  date         not null,
    extended_reason         varchar(2000),
    extended_at             timestamptz,
    archivist_account_id    bigint,
    archivist_name          varchar(300),
    refused_reason          varchar(2000),
    refused_at              timestamptz,
    certificate_text        text,
    issued_at               timestamptz,
    issued_by_name          varchar(300),
    verify_code             varchar(16),
    pdf_key                 varchar(200),
    pdf_sha256              varchar(64),
    pdf_size                bigint,
    revoked_at              timestamptz,
    revoked_reason          varchar(2000),
    version                 bigint       not null default 0,
    unique (community_id, number)
);
create unique index certificate_order_verify_code on certificate_order (verify_code) where verify_code is not null;
create index certificate_order_queue on certificate_order (community_id, status, due_on);
create index certificate_order_applicant on certificate_order (applicant_person_id);
