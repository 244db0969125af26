-- The check-in cadence of a partnership, repair plans, and the schedules both bring: each schedule row knows when
-- its next reminder is due, so the reminder sweep reads only the rows that are due (claimed FOR UPDATE SKIP LOCKED).

create table cadence (
    partnership_id   uuid        not null primary key references partnership (id) on delete cascade,
    time_zone        varchar(64) not null,
    reminder_minutes integer     not null check (reminder_minutes between 0 and 1440),
    effective_from   timestamptz not null,
    updated_by       uuid,
    version          bigint      not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create table repair_plan (
    id                    uuid          not null,
    partnership_id        uuid          not null references partnership (id) on delete cascade,
    title                 varchar(480)  not null,
    why                   varchar(8000),
    status                varchar(16)   not null check (status in ('active', 'completed', 'abandoned')),
    steps                 jsonb         not null default '[]',
    created_by            uuid,
    ended_at              timestamptz,
    -- The professional-support suggestion, re-evaluated hourly and versioned like any change so that sync carries it.
    support_since         timestamptz,
    support_reason        varchar(400),
    support_active_days   integer,
    support_safety_start  numeric(3, 2),
    support_safety_recent numeric(3, 2),
    version               bigint        not null default 0,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    primary key (partnership_id, id),
    unique (id)
);

create index repair_plan_list_idx on repair_plan (partnership_id, created_at desc, id desc);
create index repair_plan_active_idx on repair_plan (created_at) where status = 'active';

-- One row per weekly or monthly schedule of a cadence, and one per repair plan with a weekly review.
create table check_in_schedule (
    id               uuid        not null primary key,
    partnership_id   uuid        not null references partnership (id) on delete cascade,
    repair_plan_id   uuid references repair_plan (id) on delete cascade,
    position         smallint    not null,
    kind             varchar(16) not null check (kind in ('weekly', 'monthly', 'repair')),
    day_of_week      smallint    not null check (day_of_week between 1 and 7),
    week_of_month    smallint check (week_of_month in (-1, 1, 2, 3, 4)),
    local_time       time        not null,
    time_zone        varchar(64) not null,
    duration_minutes integer     not null check (duration_minutes between 5 and 240),
    reminder_minutes integer     not null check (reminder_minutes between 0 and 1440),
    -- When the sweep next has something to do for this schedule; null when it sends no reminders.
    next_reminder_at timestamptz,
    check ((kind = 'monthly') = (week_of_month is not null)),
    check ((kind = 'repair') = (repair_plan_id is not null))
);

create index check_in_schedule_partnership_idx on check_in_schedule (partnership_id);
create index check_in_schedule_plan_idx on check_in_schedule (repair_plan_id) where repair_plan_id is not null;
create index check_in_schedule_due_idx on check_in_schedule (next_reminder_at) where next_reminder_at is not null;

-- A reminder sent for one scheduled start: the primary key makes "once" hold across sweeps, instances and edits
-- of the cadence.
create table check_in_reminder (
    partnership_id uuid        not null references partnership (id) on delete cascade,
    kind           varchar(16) not null,
    starts_at      timestamptz not null,
    sent_at        timestamptz not null,
    primary key (partnership_id, kind, starts_at)
);

alter table check_in add column repair_plan_id uuid references repair_plan (id) on delete set null;
create index check_in_repair_plan_idx on check_in (repair_plan_id) where repair_plan_id is not null;
