-- Accounts, login sessions and their rotating refresh tokens.

create table account (
    id            uuid primary key,
    email         varchar(254) not null,
    password_hash varchar(100) not null,
    display_name  varchar(60)  not null,
    time_zone     varchar(64)  not null,
    version       bigint       not null default 0,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

-- Emails are unique regardless of case; lookups use the same expression.
create unique index account_email_key on account (lower(email));

-- One row per signed-in device. A session ends by logout, revocation, password change or refresh reuse.
create table auth_session (
    id             uuid primary key,
    account_id     uuid         not null references account (id) on delete cascade,
    device_name    varchar(100),
    user_agent     varchar(256),
    created_at     timestamptz  not null,
    last_used_at   timestamptz  not null,
    expires_at     timestamptz  not null,
    revoked_at     timestamptz,
    revoked_reason varchar(32)
);

create index auth_session_active_idx on auth_session (account_id, created_at desc, id desc) where revoked_at is null;

-- Refresh tokens are opaque; only their SHA-256 (base64url) is stored. A spent token keeps its row so that a reuse is
-- recognised (and ends the session) instead of looking like an unknown token.
create table refresh_token (
    token_hash varchar(64) primary key,
    session_id uuid        not null references auth_session (id) on delete cascade,
    created_at timestamptz not null,
    used_at    timestamptz
);

create index refresh_token_session_idx on refresh_token (session_id);
