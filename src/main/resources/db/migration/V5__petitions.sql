-- E-petitions (Law «Про звернення громадян», art. 23-1): petitions, signatures, abuse reports.
create table petition (
    id                      bigserial primary key,
    community_id            bigint       not null,
    title                   varchar(200) not null,
    text                    text         not null,
    author_person_id        bigint       not null,
    author_account_id       bigint,
    author_name             varchar(300) not null,
    author_email            varchar(254),
    status                  varchar(20)  not null check (status in
                              ('DRAFT', 'MODERATION', 'REJECTED', 'COLLECTING', 'CONSIDERATION', 'ANSWERED', 'EXPIRED')),
    created_at              timestamptz  not null,
    submitted_at            timestamptz,
    moderation_due_at       timestamptz,
    rejected_at             timestamptz,
    rejection_reason        varchar(2000),
    published_at            timestamptz,
    collection_ends_at      timestamptz,
    threshold               integer,
    signature_count         integer      not null default 0 check (signature_count >= 0),
    threshold_reached_at    timestamptz,
    answer_due_at           timestamptz,
    answer_outcome          varchar(20)  check (answer_outcome in ('SUPPORTED', 'NOT_SUPPORTED', 'PARTLY')),
    answer_text             text,
    answer_document_url     varchar(500),
    answered_at             timestamptz,
    expired_at              timestamptz,
    hidden_at               timestamptz,
    hidden_reason           varchar(2000),
    version                 bigint       not null default 0
);
create index petition_community_status on petition (community_id, status);
create index petition_author on petition (author_person_id);

create table petition_signature (
    id                      bigserial primary key,
    community_id            bigint       not null,
    petition_id             bigint       not null references petition (id),
    person_id               bigint       not null,
    signer_name             varchar(300) not null,
    signed_at               timestamptz  not null,
    notify                  boolean      not null default false,
    notify_email            varchar(254),
    unique (petition_id, person_id)
);
create index petition_signature_person on petition_signature (person_id);
create index petition_signature_petition_time on petition_signature (petition_id, signed_at, id);

create table petition_report (
    id                      bigserial primary key,
    community_id            bigint       not null,
    petition_id             bigint       not null references petition (id),
    person_id               bigint       not null,
    reason                  varchar(1000) not null,
    reported_at             timestamptz  not null,
    unique (petition_id, person_id)
);
