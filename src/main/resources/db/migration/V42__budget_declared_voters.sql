-- Whether the voter's residency rested on their own declaration of an address (not a verified
-- address, the census list or documents seen by an official) when the vote was cast: counted apart
-- in the cycle's figures.
alter table budget_vote add column declared_residency boolean not null default false;
