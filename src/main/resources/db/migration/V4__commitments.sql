-- Commitments (promises inside a partnership), their due occurrences with outcomes, confirmations and
-- acknowledgements. Keyed by partnership_id first: the natural distribution key.

create table commitment (
    id                  uuid          not null,
    partnership_id      uuid          not null references partnership (id) on delete cascade,
    title               varchar(120)  not null,
    details             varchar(2000),
    category            varchar(16)   not null check (category in ('chore', 'check_in', 'goal', 'other')),
    -- Account ids of the member(s) who promised, comma-separated; an erased account's id is removed.
    promised_by         varchar(80)   not null,
    due_at              timestamptz,
    rec_frequency       varchar(8)    check (rec_frequency in ('daily', 'weekly', 'monthly')),
    rec_interval        integer,
    rec_days            varchar(80),
    rec_day_of_month    integer,
    rec_time            time,
    rec_zone            varchar(64),
    rec_starts_on       date,
    rec_until           date,
    reminder_minutes    integer,
    target_count        integer,
    target_window_days  integer,
    status              varchar(16)   not null check (status in ('active', 'archived')),
    created_by          uuid,
    version             bigint        not null default 0,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    primary key (partnership_id, id),
    unique (id),
    check ((due_at is null) <> (rec_frequency is null))
);

create index commitment_list_idx on commitment (partnership_id, created_at desc, id desc);

create table occurrence (
    id                 uuid         not null,
    partnership_id     uuid         not null,
    commitment_id      uuid         not null references commitment (id) on delete cascade,
    due_date           date         not null,
    due_at             timestamptz  not null,
    promiser_id        uuid,
    status             varchar(16)  not null default 'open'
                                    check (status in ('open', 'kept', 'missed', 'renegotiated', 'cancelled')),
    note               varchar(500),
    reason             varchar(500),
    moved_to           timestamptz,
    recorded_at        timestamptz,
    missed_at          timestamptz,
    confirmation       varchar(16)  check (confirmation in ('confirmed', 'disputed')),
    confirmed_by       uuid,
    confirmed_at       timestamptz,
    confirmation_note  varchar(500),
    ack_what           varchar(1000),
    ack_prevention     varchar(1000),
    acknowledged_at    timestamptz,
    reminder_sent_at   timestamptz,
    version            bigint       not null default 0,
    primary key (partnership_id, id),
    unique (id),
    unique (commitment_id, due_date, promiser_id)
);

create index occurrence_commitment_idx on occurrence (commitment_id, due_at);
-- Follow-through per member and window.
create index occurrence_insights_idx on occurrence (partnership_id, promiser_id, due_at);
-- The miss and reminder sweeps only ever look at open occurrences.
create index occurrence_open_idx on occurrence (due_at) where status = 'open';
