-- Webhooks: per-partnership HTTPS callbacks. Deliveries are the outbox: written in the transaction of the change
-- they announce, claimed by one instance at a time (a lease taken with FOR UPDATE SKIP LOCKED), retried with backoff.
create table webhook (
    id                    uuid          not null,
    partnership_id        uuid          not null references partnership (id) on delete cascade,
    url                   varchar(2000) not null,
    events                varchar(1300) not null,
    description           varchar(800),
    secret                varchar(64)   not null,
    previous_secret       varchar(64),
    previous_secret_until timestamptz,
    active                boolean       not null,
    consecutive_failures  integer       not null default 0,
    disabled_at           timestamptz,
    disabled_reason       varchar(200),
    created_by            uuid,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    primary key (partnership_id, id),
    unique (id)
);

create index webhook_list_idx on webhook (partnership_id, created_at desc, id desc);

create table webhook_delivery (
    id              uuid         not null,
    webhook_id      uuid         not null references webhook (id) on delete cascade,
    partnership_id  uuid         not null,
    event_id        uuid         not null,
    event_type      varchar(60)  not null,
    occurred_at     timestamptz  not null,
    record_type     varchar(40),
    record_id       uuid,
    op              varchar(10),
    version         bigint,
    data            text,
    status          varchar(16)  not null check (status in ('pending', 'delivered', 'failed')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    lease_until     timestamptz,
    last_attempt_at timestamptz,
    last_status_code integer,
    last_error      varchar(200),
    delivered_at    timestamptz,
    created_at      timestamptz  not null,
    primary key (partnership_id, id),
    unique (id)
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_list_idx on webhook_delivery (webhook_id, created_at desc, id desc);
