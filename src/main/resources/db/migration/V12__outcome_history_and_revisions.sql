-- Outcomes the partner can trust (issue 18): every change of an occurrence's outcome is kept as history, a promiser's
-- change of a miss after the due time waits for the partner as a pending revision, and a cancellation close to or
-- after the due time is remembered as late.

-- The pending revision: what the promiser proposes, and until when the partner may accept it. While it is pending the
-- occurrence counts as it was (missed); lapsing clears it (the sweep claims each row once with its UPDATE).
alter table occurrence
    add column revision_outcome      varchar(16) check (revision_outcome in ('kept', 'cancelled')),
    add column revision_note         varchar(500),
    add column revision_requested_at timestamptz,
    add column revision_lapses_at    timestamptz,
    -- Cancelled less than partnersync.commitments.late-cancellation-lead before the due time, or after it; decided
    -- when the cancellation takes effect, so a later change of the setting does not rewrite history.
    add column cancelled_late        boolean not null default false,
    add constraint occurrence_revision_complete check (
        (revision_outcome is null) = (revision_requested_at is null)
        and (revision_outcome is null) = (revision_lapses_at is null));

create index occurrence_revision_lapse_idx on occurrence (revision_lapses_at) where revision_outcome is not null;

-- Who changed the outcome (null: the service, or an erased account), what it became or was proposed, when it was
-- received and when the person acted (the Occurred-At header or a pushed mutation's occurredAt). Rows are only ever
-- added; seq orders them. Partnership data: partnership_id first in the key and in the foreign key.
create table occurrence_history (
    partnership_id uuid        not null,
    occurrence_id  uuid        not null,
    seq            bigint      generated always as identity,
    event          varchar(24) not null check (event in ('recorded', 'missed_automatically', 'revision_requested',
                                                         'revision_accepted', 'revision_declined', 'revision_lapsed',
                                                         'confirmed', 'disputed')),
    outcome        varchar(16) check (outcome in ('kept', 'missed', 'renegotiated', 'cancelled')),
    actor_id       uuid,
    note           varchar(500),
    received_at    timestamptz not null,
    occurred_at    timestamptz not null,
    primary key (partnership_id, occurrence_id, seq),
    foreign key (partnership_id, occurrence_id) references occurrence (partnership_id, id) on delete cascade
);

-- Account erasure finds the rows an account wrote.
create index occurrence_history_actor_idx on occurrence_history (actor_id) where actor_id is not null;
