-- The browser session that caused a message (SHA-256 of a random key kept in that session), so that
-- the demo mailbox shows each visitor only their own mail. Empty for mail sent by background work.
alter table mail_message add column session_hash varchar(64);
create index mail_message_session on mail_message (session_hash, id) where session_hash is not null;
