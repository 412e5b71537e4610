-- One rule for when a period ends: at the end of its last day, Kyiv time, stored as that day's last
-- microsecond. A collection period counts the day of publication as its first day, so a period that
-- used to end at the publication's time of day, n days later, now ends at the end of the day before.
update petition
   set collection_ends_at = ((collection_ends_at at time zone 'Europe/Kyiv')::date::timestamp at time zone 'Europe/Kyiv')
                            - interval '1 microsecond'
 where collection_ends_at is not null
   and (collection_ends_at at time zone 'Europe/Kyiv')::time <> time '23:59:59.999999';

-- Deadlines in working days were meant as 23:59:59.999999999 and were rounded up to the next midnight
-- when stored: they end at the end of the day before that midnight.
update petition
   set answer_due_at = answer_due_at - interval '1 microsecond'
 where answer_due_at is not null
   and (answer_due_at at time zone 'Europe/Kyiv')::time = time '00:00';

update petition
   set moderation_due_at = moderation_due_at - interval '1 microsecond'
 where moderation_due_at is not null
   and (moderation_due_at at time zone 'Europe/Kyiv')::time = time '00:00';
