-- News and announcements of the community: Ukrainian text required, English optional; a body in
-- Markdown (rendered and cleaned on display), an optional picture (a platform attachment owned by
-- ('civic', 'news', id)) with its text alternative, a moment of publication (hidden before it),
-- pinning. `released` says the search index has been told the item is public (set by the release
-- job once its moment has come).
create table civic_news (
    id                      bigserial primary key,
    community_id            bigint        not null,
    slug                    varchar(120)  not null,
    category                varchar(20)   not null check (category in ('NEWS', 'ANNOUNCEMENT', 'OFFICIAL')),
    title_uk                varchar(300)  not null,
    title_en                varchar(300)  not null default '',
    summary_uk              varchar(600)  not null default '',
    summary_en              varchar(600)  not null default '',
    body_uk                 text          not null,
    body_en                 text          not null default '',
    image_alt_uk            varchar(300),
    image_alt_en            varchar(300),
    publish_at              timestamptz   not null,
    released                boolean       not null default false,
    pinned                  boolean       not null default false,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    check (length(body_uk) <= 50000 and length(body_en) <= 50000)
);
create index civic_news_published on civic_news (community_id, publish_at desc, id desc);
create index civic_news_unreleased on civic_news (publish_at) where not released;
