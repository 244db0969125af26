-- Query plans of the hot queries (issue 8), as markdown: psql -X -q -d bench_<scale> [-v p=<n>] -f bench/explain.sql
-- bench/run runs it at the end of a run and writes bench/results/<scale>-<date>-plans.md. The SQL is what the service
-- really sends, copied from PostgreSQL's log of a run (log_statement = all, see bench/run's statement count), with
-- realistic parameters: partnership p (default 100, of the busiest tier: 200 commitments, 100 check-ins, see
-- bench/seed.sql), its member account 2p-1 and that account's session. Re-copy a statement here when its Java changes.
\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
\pset pager off
\if :{?p}
\else
  \set p 100
\endif
select md5('pship-' || :p)::uuid as partnership, md5('acct-' || (2 * :p - 1))::uuid as account, 2 * :p - 1 as account_no,
       md5('sess-' || (2 * :p - 1))::uuid as session, md5('cmt-' || :p || '-1')::uuid as commitment \gset
-- The keyset position after the 150th commitment of the list (the start of its fourth page of 50).
select created_at as cursor_at, id as cursor_id from commitment where partnership_id = :'partnership'
order by created_at desc, id desc offset 149 limit 1 \gset
select count(*) as n_commitments from commitment where partnership_id = :'partnership' \gset
select count(*) as n_changes from sync_change where partnership_id = :'partnership' or account_id = :'account' \gset

\echo 'Sample: partnership' :p 'with' :n_commitments 'commitments; its member account' :account_no 'with' :n_changes 'changes in its sync feed (its own and its partnership''s).'
\echo

\echo '### Session check (auth/SessionGuard.ACTIVE, plain JDBC)'
\echo
\echo 'Is the access token''s session still active? With auth/EndedSessions it runs only while that in-memory list is incomplete (startup, a lost LISTEN connection); before, once per authenticated request.'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select 1 from auth_session where id = :'session' and account_id = :'account' and revoked_at is null;
\echo '```'
\echo

\echo '### Membership check (partnership/PartnershipAccess.MEMBERSHIP)'
\echo
\echo 'The first statement of every request under /v1/partnerships/{id}: the partnership and the caller''s seat in it, or nothing (404).'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select p1_0.id,p1_0.created_at,p1_0.ended_at,p1_0.ended_reason,p1_0.kind,p1_0.pair_high,p1_0.pair_low,p1_0.status,p1_0.updated_at,p1_0.version,pm1_0.id,pm1_0.account_id,pm1_0.former,pm1_0.integration_consent,pm1_0.joined_at,pm1_0.label,pm1_0.partnership_id from partnership p1_0,partnership_member pm1_0 where pm1_0.partnership_id=p1_0.id and p1_0.id=:'partnership' and pm1_0.account_id=:'account';
\echo '```'
\echo

\echo '### Get one commitment (commitment/CommitmentService.find)'
\echo
\echo 'GET …/commitments/{id}: by id, within the partnership of the path.'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select c1_0.id,c1_0.category,c1_0.created_at,c1_0.created_by,c1_0.details,c1_0.due_at,c1_0.partnership_id,c1_0.promised_by,c1_0.rec_day_of_month,c1_0.rec_days,c1_0.rec_frequency,c1_0.rec_interval,c1_0.rec_starts_on,c1_0.rec_time,c1_0.rec_until,c1_0.rec_zone,c1_0.reminder_minutes,c1_0.status,c1_0.target_count,c1_0.target_window_days,c1_0.title,c1_0.updated_at,c1_0.version from commitment c1_0 where c1_0.id=:'commitment' and c1_0.partnership_id=:'partnership' fetch first 1 rows only;
\echo '```'
\echo

\echo '### List commitments, first page of 50 (commitment/CommitmentService.list, common/Listing)'
\echo
\echo 'GET …/commitments?limit=50: newest first, 51 rows (the page and one more, to know whether there is a next page).'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select c1_0.id,c1_0.category,c1_0.created_at,c1_0.created_by,c1_0.details,c1_0.due_at,c1_0.partnership_id,c1_0.promised_by,c1_0.rec_day_of_month,c1_0.rec_days,c1_0.rec_frequency,c1_0.rec_interval,c1_0.rec_starts_on,c1_0.rec_time,c1_0.rec_until,c1_0.rec_zone,c1_0.reminder_minutes,c1_0.status,c1_0.target_count,c1_0.target_window_days,c1_0.title,c1_0.updated_at,c1_0.version from commitment c1_0 where c1_0.partnership_id=:'partnership' order by c1_0.created_at desc,c1_0.id desc offset 0 rows fetch first 51 rows only;
\echo '```'
\echo

\echo '### List commitments, fourth page (the keyset condition of common/KeysetCursor.after)'
\echo
\echo 'The page after the 150th commitment, with the cursor condition as KeysetCursor.after writes it: (created_at < t or (created_at = t and id < i)).'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select c1_0.id,c1_0.category,c1_0.created_at,c1_0.created_by,c1_0.details,c1_0.due_at,c1_0.partnership_id,c1_0.promised_by,c1_0.rec_day_of_month,c1_0.rec_days,c1_0.rec_frequency,c1_0.rec_interval,c1_0.rec_starts_on,c1_0.rec_time,c1_0.rec_until,c1_0.rec_zone,c1_0.reminder_minutes,c1_0.status,c1_0.target_count,c1_0.target_window_days,c1_0.title,c1_0.updated_at,c1_0.version from commitment c1_0 where c1_0.partnership_id=:'partnership' and (c1_0.created_at<:'cursor_at' or (c1_0.created_at=:'cursor_at' and c1_0.id<:'cursor_id')) order by c1_0.created_at desc,c1_0.id desc offset 0 rows fetch first 51 rows only;
\echo '```'
\echo
\echo 'For comparison, the same page with a row-value comparison `(created_at, id) < (…, …)` (not what the service sends today):'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select c1_0.id,c1_0.category,c1_0.created_at,c1_0.created_by,c1_0.details,c1_0.due_at,c1_0.partnership_id,c1_0.promised_by,c1_0.rec_day_of_month,c1_0.rec_days,c1_0.rec_frequency,c1_0.rec_interval,c1_0.rec_starts_on,c1_0.rec_time,c1_0.rec_until,c1_0.rec_zone,c1_0.reminder_minutes,c1_0.status,c1_0.target_count,c1_0.target_window_days,c1_0.title,c1_0.updated_at,c1_0.version from commitment c1_0 where c1_0.partnership_id=:'partnership' and (c1_0.created_at, c1_0.id) < (:'cursor_at', :'cursor_id') order by c1_0.created_at desc,c1_0.id desc offset 0 rows fetch first 51 rows only;
\echo '```'
\echo

\echo '### Follow-through, totals and streaks, 30 days (commitment/FollowThroughService.TOTALS)'
\echo
\echo 'Per member: kept, missed, renegotiated, cancelled, misses owned within 24 hours, current and longest streak, over the occurrences due in the window. The service sends it as a prepared statement, so after five executions PostgreSQL may switch to a generic plan (planned without the parameter values); both are shown. An earlier form of this query joined the streaks to every occurrence, which the generic plan did in a nested loop that recomputed the streaks per row: 50-70 ms instead of 2-3 ms.'
\echo
prepare totals(uuid, timestamptz, timestamptz) as
with window_rows as (
    select o.promiser_id, o.status, o.due_at, o.id, o.missed_at, o.acknowledged_at
    from occurrence o
    where o.partnership_id = $1 and o.promiser_id is not null and o.due_at >= $2 and o.due_at < $3
),
decided as (
    select promiser_id, status, due_at,
           row_number() over (partition by promiser_id order by due_at, id)
         - row_number() over (partition by promiser_id, status order by due_at, id) as island
    from window_rows where status in ('kept', 'missed')
),
islands as (
    select promiser_id, status, island, count(*) as length, max(due_at) as last_due
    from decided group by promiser_id, status, island
),
streaks as materialized (
    select promiser_id,
           coalesce(max(length) filter (where status = 'kept'), 0) as longest,
           coalesce((array_agg(case when status = 'kept' then length else 0 end order by last_due desc))[1], 0)
               as current
    from islands group by promiser_id
),
counts as (
    select w.promiser_id,
           count(*) filter (where w.status = 'kept') as kept,
           count(*) filter (where w.status = 'missed') as missed,
           count(*) filter (where w.status = 'renegotiated') as renegotiated,
           count(*) filter (where w.status = 'cancelled') as cancelled,
           count(*) filter (where w.status = 'missed' and w.acknowledged_at is not null
                            and w.acknowledged_at <= coalesce(w.missed_at, w.due_at) + interval '24 hours') as acknowledged
    from window_rows w group by w.promiser_id
)
select c.promiser_id, c.kept, c.missed, c.renegotiated, c.cancelled, c.acknowledged,
       coalesce(s.current, 0), coalesce(s.longest, 0)
from counts c left join streaks s on s.promiser_id = c.promiser_id;
\echo 'Custom plan (planned for these parameters):'
\echo
\echo '```'
set plan_cache_mode = force_custom_plan;
explain (analyze, buffers, costs off) execute totals(:'partnership', now() - interval '30 days', now());
\echo '```'
\echo
\echo 'Generic plan:'
\echo
\echo '```'
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers, costs off) execute totals(:'partnership', now() - interval '30 days', now());
reset plan_cache_mode;
\echo '```'
\echo

\echo '### Follow-through, week by week, 30 days (FollowThroughService.WEEKS; also the outcome series of the overview, there over 90 days)'
\echo
\echo 'Per member and week (in the member''s time zone): kept, missed, renegotiated. Generic plan, as the service gets it after five executions:'
\echo
prepare weeks(uuid, timestamptz, timestamptz) as
select o.promiser_id,
       date_trunc('week', o.due_at at time zone a.time_zone)::date as week_start,
       count(*) filter (where o.status = 'kept'),
       count(*) filter (where o.status = 'missed'),
       count(*) filter (where o.status = 'renegotiated')
from occurrence o
join (select a.id, a.time_zone from account a
      where a.id in (select m.account_id from partnership_member m where m.partnership_id = $1)) a
  on a.id = o.promiser_id
where o.partnership_id = $1 and o.due_at >= $2 and o.due_at < $3
group by o.promiser_id, week_start
order by o.promiser_id, week_start;
\echo '```'
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers, costs off) execute weeks(:'partnership', now() - interval '30 days', now());
reset plan_cache_mode;
\echo '```'
\echo

\echo '### Members with their accounts (follow-through and overview)'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select a.id, a.display_name, a.time_zone from partnership_member m join account a on a.id = m.account_id
where m.partnership_id = :'partnership' order by m.joined_at, m.id;
\echo '```'
\echo

\echo '### Overview, check-in scores by week, 90 days (insight/OverviewService)'
\echo
\echo 'Per member and week: check-ins held and the average scores the caller may see (own, or shared once unsealed).'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select e.author_id,
       date_trunc('week', c.started_at at time zone a.time_zone)::date as week_start,
       count(*),
       round(avg(e.mood) filter (where e.author_id = :'account' or (e.mood_shared and c.status <> 'open')), 2),
       round(avg(e.safety) filter (where e.author_id = :'account' or (e.safety_shared and c.status <> 'open')), 2),
       round(avg(e.connection)
             filter (where e.author_id = :'account' or (e.connection_shared and c.status <> 'open')), 2)
from check_in c
join check_in_entry e on e.check_in_id = c.id
join account a on a.id = e.author_id
where c.partnership_id = :'partnership' and c.started_at >= now() - interval '90 days' and c.started_at < now() and e.submitted_at is not null
group by e.author_id, week_start;
\echo '```'
\echo

\echo '### Overview, moments by week, 90 days'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select m.author_id, date_trunc('week', m.created_at at time zone a.time_zone)::date as week_start, count(*)
from moment m join account a on a.id = m.author_id
where m.partnership_id = :'partnership' and m.created_at >= now() - interval '90 days' and m.created_at < now()
group by m.author_id, week_start;
\echo '```'
\echo

\echo '### Overview, trend: follow-through of the last 28 days against the 28 before'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select count(*) filter (where status = 'kept' and due_at >= now() - interval '28 days'),
       count(*) filter (where status = 'missed' and due_at >= now() - interval '28 days'),
       count(*) filter (where status = 'kept' and due_at < now() - interval '28 days'),
       count(*) filter (where status = 'missed' and due_at < now() - interval '28 days')
from occurrence where partnership_id = :'partnership' and due_at >= now() - interval '56 days' and due_at < now();
\echo '```'
\echo

\echo '### Sync feed, a page of 100 from the start of the feed (sync/SyncService.FEED)'
\echo
\echo 'What GET /v1/sync?limit=100 from the start of the feed runs (limit + 1 = 101, as the sync pull scenario): the account''s own changes and, per partnership of the account, the partnership''s changes after the cursor, each ordered and limited, then merged.'
\echo
\echo '```'
explain (analyze, buffers, costs off)
select feed.txid::text, feed.seq, feed.record_type, feed.record_id, feed.version
from (
    (select c.txid, c.seq, c.record_type, c.record_id, c.version
     from sync_change c
     where c.account_id = :'account'
       and (c.txid, c.seq) > (cast('0' as xid8), 0)
       and c.txid < pg_snapshot_xmin(pg_current_snapshot())
     order by c.txid, c.seq
     limit 101)
    union all
    (select c.txid, c.seq, c.record_type, c.record_id, c.version
     from partnership_member m
     cross join lateral (
         select s.txid, s.seq, s.record_type, s.record_id, s.version
         from sync_change s
         where s.partnership_id = m.partnership_id
           and (s.txid, s.seq) > (cast('0' as xid8), 0)
           and s.txid < pg_snapshot_xmin(pg_current_snapshot())
         order by s.txid, s.seq
         limit 101) c
     where m.account_id = :'account')
) feed
order by feed.txid, feed.seq
limit 101;
\echo '```'
