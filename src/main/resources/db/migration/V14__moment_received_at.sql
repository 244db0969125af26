-- A moment made offline keeps when the person made it (created_at, from the client's Occurred-At or occurredAt)
-- and when the service received it.
alter table moment add column received_at timestamptz;
update moment set received_at = created_at;
alter table moment alter column received_at set not null;
