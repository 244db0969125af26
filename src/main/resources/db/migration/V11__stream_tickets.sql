-- Stream tickets (issue 17): a browser's EventSource cannot send an Authorization header, so a member trades the
-- access token for a ticket (POST /v1/events/tickets) and opens GET /v1/events?ticket=pst_... with it. Only the
-- SHA-256 of the secret is stored. A ticket lives 60 seconds and is spent on first use: the stream claims it with a
-- DELETE ... RETURNING, so two instances can never both accept it. It carries the session it was made in (checked when
-- it is used) and when that session's access token expires (the stream ends then, as it would with the token).
-- Account-level and short-lived: no partnership data, so it is a coordinator-local table on Citus. SyncMaintenance
-- deletes expired rows; account deletion deletes the account's (sync/SyncAccountData). Like the other tables of
-- sync/, no foreign key to a table of a package above it.
create table stream_ticket (
    ticket_hash       varchar(64) primary key,
    account_id        uuid        not null,
    session_id        uuid        not null,
    access_expires_at timestamptz not null,
    expires_at        timestamptz not null,
    created_at        timestamptz not null
);
create index stream_ticket_expires_at on stream_ticket (expires_at);
