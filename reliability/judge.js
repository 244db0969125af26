// Judges one load phase of reliability/run from load.js's output, the fault's window and the database's commitments.
// Prints "PASS|FAIL <figures>" on one line and details to stderr; exit 0 either way (the run decides).
// Usage: node judge.js <restart|pool|sse> <load.json> <acked.jsonl> <rows.tsv> <fault start ms> <fault end ms>
//   rows.tsv: "<title>\t<id>" of every commitment whose title starts with "Reliability <tag> ".
// Rules (RELIABILITY_* knobs): errors only from the fault's start to RELIABILITY_GRACE s (5) after its end, every one a
// 503 service-unavailable problem with Retry-After; no answer slower than RELIABILITY_MAX_WAIT s (6: the pool's 5 s
// acquisition timeout and a second) except, in the pool phase, requests that held a connection behind the lock; after
// the fault's end, within RELIABILITY_RECOVER s (10), every second carries >= 90% of the baseline's requests with a p99
// at most max(2 x baseline p99, baseline p99 + 50 ms) and no error; every acknowledged create is in the database once
// and no Idempotency-Key made two commitments.
'use strict';
const fs = require('fs');

const [kind, loadFile, ackedFile, rowsFile, startArg, endArg] = process.argv.slice(2);
const load = JSON.parse(fs.readFileSync(loadFile, 'utf8'));
const faultStart = Number(startArg);
const faultEnd = Number(endArg);
const grace = Number(process.env.RELIABILITY_GRACE || 5) * 1000;
const maxWait = Number(process.env.RELIABILITY_MAX_WAIT || 6) * 1000;
const recoverLimit = Number(process.env.RELIABILITY_RECOVER || 10);
const UNAVAILABLE = 'https://partner-sync.app/problems/service-unavailable';
const problems = [];

// ---- Baseline: full seconds from 3 s after the start until the fault -------------------------------------------
const secs = Object.keys(load.perSecond).map(Number).sort((a, b) => a - b);
const firstSec = Math.ceil(load.startedAt / 1000) + 3;
const lastSec = Math.floor((load.plannedEnd || load.endedAt) / 1000) - 2; // the last full second of the load
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : 0; };
const faultless = kind === 'sse';
const baseSecs = secs.filter((s) => s >= firstSec && (faultless ? s <= lastSec : s < Math.floor(faultStart / 1000)));
const baseRate = median(baseSecs.map((s) => load.perSecond[s].n));
const baseP99 = median(baseSecs.map((s) => load.perSecond[s].p99));
const p99Limit = Math.max(2 * baseP99, baseP99 + 50);

// ---- Errors ------------------------------------------------------------------------------------------------------
const window = (f) => !faultless && f.at >= faultStart && f.at <= faultEnd + grace;
const outside = load.failures.filter((f) => !window(f));
const inside = load.failures.filter((f) => window(f));
const not503 = load.failures.filter((f) => !(f.status === 503 && f.type === UNAVAILABLE && f.retryAfter));
const byKind = {};
for (const f of load.failures) {
  const k = `${f.status}${f.type && f.type !== '-' ? ' ' + f.type.replace(/.*\/problems\//, '') : ''}`;
  byKind[k] = (byKind[k] || 0) + 1;
}
if (outside.length) problems.push(`${outside.length} errors outside the fault window`);
if (not503.length) problems.push(`${not503.length} errors that are not 503 service-unavailable problems`);
const slow503 = load.failures.filter((f) => f.status === 503 && f.ms > maxWait);
if (slow503.length) problems.push(`${slow503.length} 503s slower than ${maxWait} ms`);
const max503 = Math.max(0, ...load.failures.filter((f) => f.status === 503).map((f) => f.ms));

// Answers slower than maxWait: in the pool phase the requests that held a connection behind the lock are expected
// slow (they finish when it is released); anything else that slow is a hang.
let hung = 0;
let heldBehindLock = 0;
for (const s of secs) {
  const p = load.perSecond[s];
  if (p.max > maxWait) {
    const inWindow = s * 1000 >= faultStart && s * 1000 <= faultEnd + grace + 1000;
    if (kind === 'pool' && inWindow) heldBehindLock++;
    else hung++;
  }
}
if (hung) problems.push(`${hung} seconds with an answer slower than ${maxWait} ms`);

// ---- Recovery ----------------------------------------------------------------------------------------------------
let recoveredSec = null;
let recoverS = 0;
if (!faultless) {
  const errorSecs = new Set(load.failures.map((f) => Math.floor(f.at / 1000)));
  const healthy = (s) => {
    const p = load.perSecond[s];
    return p && p.n >= 0.9 * baseRate && p.p99 <= p99Limit && !errorSecs.has(s);
  };
  const endSec = Math.floor(faultEnd / 1000);
  for (let s = lastSec; s >= endSec; s--) {
    if (!healthy(s)) break;
    recoveredSec = s;
  }
  recoverS = recoveredSec === null ? null : Math.max(0, recoveredSec - faultEnd / 1000);
  if (recoverS === null || recoverS > recoverLimit) {
    problems.push(`not back to normal within ${recoverLimit} s of the fault's end (${recoverS === null ? 'never' : recoverS.toFixed(1) + ' s'})`);
  }
} else {
  const bad = secs.filter((s) => s >= firstSec && s <= lastSec && load.perSecond[s].p99 > p99Limit);
  if (load.failures.length) problems.push(`${load.failures.length} errors`);
  recoverS = bad.length; // seconds with a p99 over the limit
}

// ---- Acknowledged writes -------------------------------------------------------------------------------------------
const acked = fs.readFileSync(ackedFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const rows = fs.readFileSync(rowsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('\t'));
const byTitle = new Map();
for (const [title, id] of rows) byTitle.set(title, [...(byTitle.get(title) || []), id]);
let missing = 0;
let wrongId = 0;
for (const a of acked) {
  const ids = byTitle.get(a.title) || [];
  if (ids.length === 0) missing++;
  else if (!ids.includes(a.id)) wrongId++;
}
const duplicated = [...byTitle.values()].filter((ids) => ids.length > 1).length;
const ackedTitles = new Set(acked.map((a) => a.title));
const storedUnacked = [...byTitle.keys()].filter((t) => !ackedTitles.has(t)).length;
const retriedAcked = acked.filter((a) => a.attempts > 1).length;
const replayed = acked.filter((a) => a.replayed).length;
if (missing) problems.push(`${missing} acknowledged writes missing`);
if (wrongId) problems.push(`${wrongId} acknowledged writes stored under another id`);
if (duplicated) problems.push(`${duplicated} idempotency keys with two commitments`);
if (load.unsettled) problems.push(`${load.unsettled} creates still unanswered after the drain`);

const rps = (load.requests / ((load.endedAt - load.startedAt) / 1000)).toFixed(0);
const errs = Object.entries(byKind).map(([k, v]) => `${v}x${k}`).join(',') || 'none';
const figures = kind === 'sse'
  ? `${rps} req/s, p99 ${load.latencyMs.p99} ms (baseline limit ${p99Limit} ms, ${recoverS} s over), errors ${errs}`
  : `${rps} req/s, baseline ${baseRate}/s p99 ${baseP99} ms; errors ${errs} (${inside.length} in window, ${outside.length} outside), slowest 503 ${max503} ms, ` +
    `${kind === 'pool' ? `${heldBehindLock} s with answers held behind the lock, ` : ''}back to normal ${recoverS === null ? 'never' : recoverS.toFixed(1) + ' s'} after`;
const writes = `${acked.length} acked writes (${retriedAcked} after a retry, ${replayed} replayed), ${missing} missing, ${duplicated} duplicated, ${storedUnacked} stored but never acked`;
console.log(`${problems.length ? 'FAIL' : 'PASS'} ${figures}; ${writes}${problems.length ? ' — ' + problems.join('; ') : ''}`);
for (const f of load.failures.filter((x) => !(x.status === 503 && x.type === UNAVAILABLE)).slice(0, 20)) {
  console.error(`  ${new Date(f.at).toISOString()} ${f.scenario} ${f.status} ${f.type} ${f.ms} ms ${f.contentType || ''}`);
}
