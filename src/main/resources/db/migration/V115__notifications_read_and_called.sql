-- Read receipts where the channel tells (Viber's "seen" callback; Telegram tells a bot nothing):
-- the provider's id of a sent message (Viber's message_token) and when the recipient saw it.
alter table notify_delivery add column provider_ref varchar(40);
alter table notify_delivery add column read_at timestamptz;
create index notify_delivery_ref on notify_delivery (community_id, channel, provider_ref) where provider_ref is not null;

-- When the provider was called for a row (committed just before the call): after a crash, a row
-- claimed but never called goes back to the queue, and only one in a call becomes UNCERTAIN. Rows
-- in flight now count as called.
alter table notify_delivery add column called_at timestamptz;
update notify_delivery set called_at = claimed_at where status = 'SENDING';
