-- Whether the signer's residency rested on their own declaration (not a verified address or the
-- census list) when they signed: shown in the list of signers and counted apart in the figures.
alter table petition_signature add column declared_residency boolean not null default false;
