-- The change feed, pushed-mutation results, idempotent request replays, and the cursor signing secret.

-- One row per change of a synced record, written in the same transaction as the change. Ordered by the writing
-- transaction's id, then seq: readers only hand out rows of transactions older than every transaction still in
-- flight (pg_snapshot_xmin), so a transaction that commits late can never be skipped (docs/decisions/006).
create table sync_change (
    txid           xid8         not null default pg_current_xact_id(),
    seq            bigint       generated always as identity,
    record_type    varchar(40)  not null,
    record_id      uuid         not null,
    partnership_id uuid,
    account_id     uuid,
    op             varchar(8)   not null check (op in ('upsert', 'delete')),
    version        bigint       not null,
    changed_at     timestamptz  not null default now(),
    primary key (txid, seq),
    -- Visible to the members of one partnership, or to one account only.
    check ((partnership_id is null) <> (account_id is null))
);

create index sync_change_partnership_idx on sync_change (partnership_id, txid, seq) where partnership_id is not null;
create index sync_change_account_idx on sync_change (account_id, txid, seq) where account_id is not null;
create index sync_change_changed_at_idx on sync_change (changed_at);

-- Tell every instance (LISTEN partnersync_changes) that something changed; delivered only when the writer commits.
create function sync_change_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('partnersync_changes', json_build_object(
        'txid', new.txid::text, 'seq', new.seq,
        'partnershipId', new.partnership_id, 'accountId', new.account_id)::text);
    return null;
end;
$$;

create trigger sync_change_notify after insert on sync_change for each row execute function sync_change_notify();

-- The first result of every pushed mutation, so that a replayed mutation id changes nothing.
create table sync_mutation (
    account_id  uuid        not null,
    mutation_id uuid        not null,
    result      text        not null,
    created_at  timestamptz not null,
    primary key (account_id, mutation_id)
);

create index sync_mutation_created_idx on sync_mutation (created_at);

-- Idempotency-Key: the first response to a key, replayed for 24 hours.
create table idempotency_key (
    account_id       uuid         not null,
    key              varchar(255) not null,
    request_hash     varchar(64)  not null,
    status           varchar(16)  not null check (status in ('processing', 'done')),
    response_status  integer,
    response_headers text,
    response_body    text,
    created_at       timestamptz  not null,
    locked_at        timestamptz  not null,
    primary key (account_id, key)
);

create index idempotency_key_created_idx on idempotency_key (created_at);

-- Signs sync cursors; shared by every instance through the database.
create table sync_secret (
    id     integer primary key check (id = 1),
    secret text    not null
);

insert into sync_secret (id, secret) values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
