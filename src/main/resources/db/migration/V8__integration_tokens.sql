-- Integration tokens: scoped, expiring, revocable bearer tokens for third parties, stored as a SHA-256 hash only.
create table integration_token (
    id             uuid         not null primary key,
    account_id     uuid         not null references account (id) on delete cascade,
    name           varchar(400) not null,
    token_hash     varchar(64)  not null unique,
    scopes         varchar(400) not null,
    partnership_id uuid references partnership (id) on delete cascade,
    expires_at     timestamptz  not null,
    created_at     timestamptz  not null,
    last_used_at   timestamptz,
    revoked_at     timestamptz
);

create index integration_token_account_idx on integration_token (account_id, created_at desc, id desc);

-- Each member's consent to integrations reading the partnership's sensitive data (check-ins, repair plans).
alter table partnership_member add column integration_consent boolean not null default false;
