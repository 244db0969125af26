-- Sessions that ended recently (sign-out, revocation, refresh-token reuse, password change, account deletion), so
-- that every instance can refuse their access tokens from memory instead of looking the session up on every request
-- (auth/EndedSessions). A trigger records them, whichever statement ends the session, and announces each one on the
-- channel partnersync_sessions when its transaction commits. Rows are needed only as long as an access token can
-- live (15 minutes); SessionMaintenance deletes them after an hour. The ids are random and name no account.
create table ended_session (
    session_id uuid primary key,
    ended_at   timestamptz not null default now()
);
create index ended_session_ended_at on ended_session (ended_at);

create function ended_session_record() returns trigger language plpgsql as $$
begin
    insert into ended_session (session_id) values (old.id) on conflict (session_id) do nothing;
    perform pg_notify('partnersync_sessions', old.id::text);
    return null;
end
$$;

create trigger auth_session_ended after update of revoked_at on auth_session
    for each row when (old.revoked_at is null and new.revoked_at is not null)
    execute function ended_session_record();

create trigger auth_session_deleted after delete on auth_session
    for each row when (old.revoked_at is null)
    execute function ended_session_record();
