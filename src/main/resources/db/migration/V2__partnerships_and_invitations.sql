-- Partnerships (two members who share), the invitations that make them, and database-held rate-limit windows.

create table partnership (
    id           uuid         primary key,
    kind         varchar(16)  not null check (kind in ('partner', 'friend', 'colleague')),
    status       varchar(16)  not null check (status in ('active', 'ended')),
    -- The two member accounts in ascending order while active, null once ended: one active partnership per pair.
    pair_low     uuid,
    pair_high    uuid,
    ended_at     timestamptz,
    ended_reason varchar(32) check (ended_reason in ('ended_by_member', 'member_deleted')),
    version      bigint       not null default 0,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    check ((status = 'active') = (pair_low is not null and pair_high is not null))
);

create unique index partnership_active_pair_key on partnership (pair_low, pair_high) where status = 'active';

-- One row per member. A deleted account leaves its row as a "former member" (account_id null, label gone), so the
-- partner keeps the shared history. Keyed by partnership_id first: the natural distribution key.
create table partnership_member (
    id             uuid        not null,
    partnership_id uuid        not null references partnership (id) on delete cascade,
    account_id     uuid        references account (id) on delete set null,
    label          varchar(60),
    former         boolean     not null default false,
    joined_at      timestamptz not null,
    primary key (partnership_id, id),
    unique (id),
    unique (partnership_id, account_id)
);

-- Every "my partnerships" lookup and every membership check starts from the account.
create index partnership_member_account_idx on partnership_member (account_id, partnership_id);

create table invitation (
    id             uuid         primary key,
    code           char(8)      not null unique,
    inviter_id     uuid         not null references account (id) on delete cascade,
    kind           varchar(16)  not null check (kind in ('partner', 'friend', 'colleague')),
    message        varchar(280),
    status         varchar(16)  not null check (status in ('open', 'accepted', 'withdrawn')),
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    accepted_at    timestamptz,
    accepted_by    uuid         references account (id) on delete set null,
    partnership_id uuid         references partnership (id) on delete set null
);

create index invitation_inviter_idx on invitation (inviter_id, created_at desc, id desc);

-- Fixed-window counters shared by every instance (limits hold across a load balancer).
create table rate_limit (
    bucket       varchar(120) primary key,
    window_start timestamptz  not null,
    hits         integer      not null
);
