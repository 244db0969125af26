-- Moments: appreciation, running-late notices (optionally renegotiating an occurrence) and cool-off pauses.

create table moment (
    id             uuid        not null,
    partnership_id uuid        not null references partnership (id) on delete cascade,
    kind           varchar(16) not null check (kind in ('appreciation', 'running_late', 'cool_off')),
    author_id      uuid,
    message        varchar(280),
    arrival_at     timestamptz,
    commitment_id  uuid,
    due_date       date,
    ends_at        timestamptz,
    version        bigint      not null default 0,
    created_at     timestamptz not null,
    primary key (partnership_id, id),
    unique (id)
);

create index moment_list_idx on moment (partnership_id, created_at desc, id desc);
-- "Is a cool-off running in this partnership?" is asked by every reminder sweep.
create index moment_cool_off_idx on moment (partnership_id, ends_at) where kind = 'cool_off';
