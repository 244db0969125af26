-- Milestones: a goal met in its window, a member's 30-day follow-through reaching 90%, a streak of 7, 30 or 100.
-- Each is celebrated once: the unique (partnership_id, claim) decides between instances and retried requests
-- (insert ... on conflict do nothing), so the one insert that wins announces it.

create table milestone (
    id             uuid        not null,
    partnership_id uuid        not null references partnership (id) on delete cascade,
    kind           varchar(16) not null check (kind in ('goal_met', 'follow_through', 'streak')),
    -- The member whose record it celebrates; null for a goal (the commitment's) and once the member was deleted.
    member_id      uuid,
    commitment_id  uuid,
    threshold      integer     not null,
    window_start   timestamptz,
    window_end     timestamptz,
    -- What makes it the same milestone: kind, member or commitment, threshold or window. Never shown.
    claim          varchar(128) not null,
    reached_at     timestamptz not null,
    version        bigint      not null default 0,
    primary key (partnership_id, id),
    unique (id),
    unique (partnership_id, claim),
    -- A deleted commitment's goal stays celebrated, no longer linked (partnership_id first, as in every key).
    foreign key (partnership_id, commitment_id) references commitment (partnership_id, id)
        on delete set null (commitment_id)
);

create index milestone_list_idx on milestone (partnership_id, reached_at desc, id desc);
create index milestone_member_idx on milestone (member_id) where member_id is not null;
