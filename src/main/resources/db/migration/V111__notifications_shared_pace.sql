-- The next free moment to call one provider (Telegram, Viber…) of one community, shared by every
-- node (decision 0062). A sender takes a slot in one atomic upsert that moves next_slot on by
-- 1/rate seconds and then sleeps until its slot, so all nodes together keep the provider's rate.
-- Unlogged: a slot matters for a moment only; after a crash the table is empty and pacing starts
-- again from now. Half-empty pages keep the constant updates of a row on its page (HOT).
create unlogged table notify_pace (
    community_id bigint       not null,
    channel      varchar(10)  not null,
    next_slot    timestamptz  not null,
    primary key (community_id, channel)
) with (fillfactor = 50);
