-- Fills a freshly migrated partner-sync database directly with SQL (no API), at a given scale:
--   psql -v partnerships=1000 -f bench/seed.sql   (small)      psql -v partnerships=100000 -f bench/seed.sql (large)
-- Per partnership p (1..P) there are two accounts, 2p-1 and 2p. Activity is skewed by tier:
--   p % 100 = 0        (1%):  200 commitments, 100 check-ins   ("very active")
--   p % 100 in 1..9    (9%):   30 commitments,  15 check-ins
--   otherwise         (90%):    6 commitments,   3 check-ins   ("quiet")
-- i.e. ~10.1 commitments and ~5 check-ins per partnership on average; each commitment has 1..5 (avg 3) past
-- weekly occurrences, all with an outcome; each check-in has one entry per member; every record has one change in
-- the sync feed. Ids are deterministic (md5 of a name), so the harness can find them again:
--   account  md5('acct-'||i)::uuid      session md5('sess-'||i)::uuid    partnership md5('pship-'||p)::uuid
-- Every account's password is 'bench-password-2024' (bcrypt cost 10 over base64(SHA-256), as auth/Passwords.java).
\set ON_ERROR_STOP on
\timing on
-- No triggers (the sync_change NOTIFY trigger would queue millions of notifications) and no FK checks while seeding.
set session_replication_role = replica;
set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';

create temporary table bench_param as select :partnerships::int as p;

create or replace function pg_temp.tier_commitments(p int) returns int language sql immutable as
$$ select case when p % 100 = 0 then 200 when p % 100 between 1 and 9 then 30 else 6 end $$;
create or replace function pg_temp.tier_check_ins(p int) returns int language sql immutable as
$$ select case when p % 100 = 0 then 100 when p % 100 between 1 and 9 then 15 else 3 end $$;

\echo accounts
insert into account (id, email, password_hash, display_name, time_zone, version, created_at, updated_at)
select md5('acct-' || i)::uuid, 'bench' || i || '@example.test',
       '$2a$10$dUat/ExOQKYAAuG1vFaH/OTR5IxtAPdLzoI7Bv4tQSstg3kqbZ3zO',
       'Bench ' || i, 'Europe/Berlin', 0, now() - interval '200 days', now() - interval '200 days'
from generate_series(1, 2 * (select p from bench_param)) i;

\echo sessions
insert into auth_session (id, account_id, device_name, user_agent, created_at, last_used_at, expires_at)
select md5('sess-' || i)::uuid, md5('acct-' || i)::uuid, 'bench', 'bench/1', now(), now(), now() + interval '30 days'
from generate_series(1, 2 * (select p from bench_param)) i;

\echo partnerships
insert into partnership (id, kind, status, pair_low, pair_high, version, created_at, updated_at)
select md5('pship-' || p)::uuid, (array['partner', 'friend', 'colleague'])[1 + p % 3], 'active',
       least(md5('acct-' || (2 * p - 1))::uuid, md5('acct-' || (2 * p))::uuid),
       greatest(md5('acct-' || (2 * p - 1))::uuid, md5('acct-' || (2 * p))::uuid),
       0, now() - interval '190 days', now() - interval '190 days'
from generate_series(1, (select p from bench_param)) p;

insert into partnership_member (id, partnership_id, account_id, label, former, joined_at)
select md5('member-' || a)::uuid, md5('pship-' || p)::uuid, md5('acct-' || a)::uuid, null, false,
       now() - interval '190 days'
from generate_series(1, (select p from bench_param)) p, lateral (values (2 * p - 1), (2 * p)) m(a);

\echo commitments
-- Commitment k of partnership p: weekly on Monday 09:00, promised by one member (alternating), ended yesterday
-- (rec_until) so that the hourly horizon sweep has nothing to add.
insert into commitment (id, partnership_id, title, details, category, promised_by, rec_frequency, rec_interval,
                        rec_days, rec_time, rec_zone, rec_starts_on, rec_until, reminder_minutes, status, created_by,
                        version, created_at, updated_at)
select md5('cmt-' || p || '-' || k)::uuid, md5('pship-' || p)::uuid, 'Bench commitment ' || k,
       case when k % 3 = 0 then 'Some details about promise ' || k end,
       (array['chore', 'check_in', 'goal', 'other'])[1 + k % 4],
       md5('acct-' || (2 * p - 1 + k % 2))::uuid::text,
       'weekly', 1, 'MONDAY', time '09:00', 'Europe/Berlin', current_date - 60, current_date - 1, 30,
       'active', md5('acct-' || (2 * p - 1 + k % 2))::uuid, 0,
       now() - interval '60 days' + make_interval(secs => k * 60),
       now() - interval '60 days' + make_interval(secs => k * 60)
from generate_series(1, (select p from bench_param)) p,
     generate_series(1, pg_temp.tier_commitments(p)) k;

\echo occurrences
-- Occurrence j (1..1+k%5) of commitment k: due j weeks (plus k%7 days) ago, kept 70%, missed 20%, renegotiated 5%,
-- cancelled 5%; no confirmation (so the outcome benchmark may record it again).
insert into occurrence (id, partnership_id, commitment_id, due_date, due_at, promiser_id, status, note, reason,
                        recorded_at, missed_at, version)
select md5('occ-' || p || '-' || k || '-' || j)::uuid, md5('pship-' || p)::uuid, md5('cmt-' || p || '-' || k)::uuid,
       d, (d + time '07:00') at time zone 'UTC', md5('acct-' || (2 * p - 1 + k % 2))::uuid, s,
       case when s = 'kept' and j % 4 = 0 then 'Done, as promised' end,
       case when s = 'renegotiated' then 'Moved, we agreed on it' end,
       case when s <> 'missed' then (d + time '08:00') at time zone 'UTC' end,
       case when s = 'missed' then (d + time '11:00') at time zone 'UTC' end,
       1
from generate_series(1, (select p from bench_param)) p,
     generate_series(1, pg_temp.tier_commitments(p)) k,
     generate_series(1, 1 + k % 5) j,
     lateral (select current_date - (7 * j + k % 7) as d,
                     case when (p + k + j) % 20 < 14 then 'kept' when (p + k + j) % 20 < 18 then 'missed'
                          when (p + k + j) % 20 = 18 then 'renegotiated' else 'cancelled' end as s) x;

\echo check-ins
insert into check_in (id, partnership_id, kind, scheduled_for, status, started_by, started_at, closed_at, version,
                      created_at, updated_at)
select md5('ci-' || p || '-' || c)::uuid, md5('pship-' || p)::uuid, 'ad_hoc', null, 'completed',
       md5('acct-' || (2 * p - 1))::uuid, t, t + interval '1 hour', 0, t, t + interval '1 hour'
from generate_series(1, (select p from bench_param)) p,
     generate_series(1, pg_temp.tier_check_ins(p)) c,
     lateral (select now() - make_interval(hours => c * 37) as t) x;

insert into check_in_entry (id, partnership_id, check_in_id, author_id, mood, mood_shared, safety, safety_shared,
                            connection, connection_shared, gratitude, gratitude_shared, submitted_at, updated_at)
select md5('cie-' || p || '-' || c || '-' || a)::uuid, md5('pship-' || p)::uuid, md5('ci-' || p || '-' || c)::uuid,
       md5('acct-' || a)::uuid, 1 + (p + c + a) % 5, true, 1 + (p + c) % 5, a % 2 = 0, 1 + (c + a) % 5, true,
       'Thankful for ' || c, true, t + interval '30 minutes', t + interval '30 minutes'
from generate_series(1, (select p from bench_param)) p,
     generate_series(1, pg_temp.tier_check_ins(p)) c,
     lateral (values (2 * p - 1), (2 * p)) m(a),
     lateral (select now() - make_interval(hours => c * 37) as t) x;

\echo sync feed
-- One upsert per record, in roughly the order the records were made; one transaction per statement, so each
-- record type gets its own txid (all long committed, hence all visible to the feed).
insert into sync_change (record_type, record_id, partnership_id, account_id, op, version, changed_at)
select 'account', id, null, id, 'upsert', version, created_at from account;
insert into sync_change (record_type, record_id, partnership_id, account_id, op, version, changed_at)
select 'partnership', id, id, null, 'upsert', version, created_at from partnership;
insert into sync_change (record_type, record_id, partnership_id, account_id, op, version, changed_at)
select 'commitment', id, partnership_id, null, 'upsert', version, created_at from commitment;
insert into sync_change (record_type, record_id, partnership_id, account_id, op, version, changed_at)
select 'occurrence', id, partnership_id, null, 'upsert', version, coalesce(recorded_at, missed_at) from occurrence;
insert into sync_change (record_type, record_id, partnership_id, account_id, op, version, changed_at)
select 'check_in', id, partnership_id, null, 'upsert', version, updated_at from check_in;

set session_replication_role = origin;
\echo analyze
vacuum analyze;
select (select count(*) from account) as accounts, (select count(*) from partnership) as partnerships,
       (select count(*) from commitment) as commitments, (select count(*) from occurrence) as occurrences,
       (select count(*) from check_in) as check_ins, (select count(*) from check_in_entry) as entries,
       (select count(*) from sync_change) as changes;
