-- The messenger bot (decision 0055): a conversation's state per chat (which dialogue, which step,
-- what was said so far, the options last offered, so that a typed number picks one), kept across
-- restarts and dropped after 30 idle minutes; the demo messenger's transcript (the "DEMO" channel:
-- what the person sent and what the bot and the notifications sent back).
alter table notify_link drop constraint notify_link_channel_check;
alter table notify_link add constraint notify_link_channel_check check (channel in ('TELEGRAM', 'VIBER', 'DEMO'));
alter table notify_link_code drop constraint notify_link_code_channel_check;
alter table notify_link_code add constraint notify_link_code_channel_check check (channel in ('TELEGRAM', 'VIBER', 'DEMO'));
alter table notify_delivery drop constraint notify_delivery_channel_check;
alter table notify_delivery add constraint notify_delivery_channel_check check (channel in ('EMAIL', 'TELEGRAM', 'VIBER', 'DEMO'));

create table notify_bot_chat (
    community_id    bigint        not null,
    channel         varchar(10)   not null check (channel in ('TELEGRAM', 'VIBER', 'DEMO')),
    chat            varchar(100)  not null,
    dialogue        varchar(20),
    step            varchar(20),
    data            text          not null default '{}',
    options         text          not null default '',
    language        varchar(2)    check (language in ('uk', 'en')),
    updated_at      timestamptz   not null default now(),
    primary key (community_id, channel, chat)
);

create table notify_demo_message (
    id              bigserial primary key,
    community_id    bigint        not null,
    chat            varchar(100)  not null,
    outgoing        boolean       not null,
    text            text          not null,
    buttons         text          not null default '',
    created_at      timestamptz   not null default now()
);
create index notify_demo_message_chat on notify_demo_message (community_id, chat, id);
