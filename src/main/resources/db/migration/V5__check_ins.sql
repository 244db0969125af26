-- Check-ins and each member's entry. Every entry field carries its own visibility (private unless shared); the
-- partner never receives a private field, and nothing of an entry while the check-in is still open (sealed).

create table check_in (
    id             uuid        not null,
    partnership_id uuid        not null references partnership (id) on delete cascade,
    kind           varchar(16) not null check (kind in ('weekly', 'monthly', 'repair', 'ad_hoc')),
    scheduled_for  timestamptz,
    status         varchar(16) not null check (status in ('open', 'completed', 'closed')),
    started_by     uuid,
    started_at     timestamptz not null,
    closed_at      timestamptz,
    version        bigint      not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    primary key (partnership_id, id),
    unique (id)
);

-- Two members starting the same scheduled check-in at the same moment make one check-in.
create unique index check_in_scheduled_key on check_in (partnership_id, kind, scheduled_for)
    where scheduled_for is not null;
create index check_in_list_idx on check_in (partnership_id, created_at desc, id desc);

create table check_in_entry (
    id                    uuid          not null,
    partnership_id        uuid          not null,
    check_in_id           uuid          not null references check_in (id) on delete cascade,
    author_id             uuid,
    mood                  smallint      check (mood between 1 and 5),
    mood_shared           boolean       not null default false,
    safety                smallint      check (safety between 1 and 5),
    safety_shared         boolean       not null default false,
    connection            smallint      check (connection between 1 and 5),
    connection_shared     boolean       not null default false,
    gratitude             varchar(2000),
    gratitude_shared      boolean       not null default false,
    needs                 varchar(2000),
    needs_shared          boolean       not null default false,
    what_works            varchar(2000),
    what_works_shared     boolean       not null default false,
    what_to_adjust        varchar(2000),
    what_to_adjust_shared boolean       not null default false,
    submitted_at          timestamptz,
    updated_at            timestamptz   not null,
    primary key (partnership_id, id),
    unique (id),
    unique (check_in_id, author_id)
);
