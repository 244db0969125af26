// Judges a bench/scale-out run and writes its report. Prints the one-line verdict on stdout; exits 0 on PASS, 1 on FAIL.
// Inputs (environment, set by bench/scale-out): R_LOAD and R_WARMUP (JSON of load.js), R_SSE (JSON of sse-watch.js),
// R_HAPROXY_LOG, R_KILL_MS, R_DOWN_MS, R_DOWN_INFO, R_KILLED (server name), R_GO_MS, R_RESULT (.md to write), R_HEADER
// (markdown lines about machine, data and setup, written before the figures).
'use strict';
const fs = require('fs');

const env = (k) => process.env[k];
const killMs = Number(env('R_KILL_MS'));
const downMs = Number(env('R_DOWN_MS')) || null;
const killed = env('R_KILLED');
const goMs = Number(env('R_GO_MS'));
const graceEnd = (downMs && downMs > killMs ? downMs : killMs) + 1000;
const rel = (ms) => `${ms >= 0 ? '+' : ''}${(ms / 1000).toFixed(3)} s`;

// ---- per second, and every failure with its time ----------------------------------------------------------------
const load = JSON.parse(fs.readFileSync(env('R_LOAD'), 'utf8'));
const sse = JSON.parse(fs.readFileSync(env('R_SSE'), 'utf8'));
const warmup = JSON.parse(fs.readFileSync(env('R_WARMUP'), 'utf8'));
function perSecond(source) { // second -> { ok, err }, and the number of requests
  const out = {};
  let n = 0;
  for (const [sec, groups] of Object.entries(source.perSecond)) {
    for (const statuses of Object.values(groups)) {
      for (const [status, k] of Object.entries(statuses)) {
        const b = (out[sec] = out[sec] || { ok: 0, err: 0 });
        if (/^2\d\d$/.test(status)) b.ok += k; else b.err += k;
        n += k;
      }
    }
  }
  return [out, n];
}
const [loadSec, loadRequests] = perSecond(load);
const [nodeSec, nodeRequests] = perSecond(sse);
const failures = [
  ...load.failures.map((f) => ({ ...f, kind: `load ${f.scenario} ${f.status}` })),
  ...sse.failures.map((f) => ({ ...f, kind: `live ${f.cat} ${f.status}` })),
];

// ---- errors before, at and after the kill ------------------------------------------------------------------------
const phase = { before: 0, at: 0, after: 0 };
let lastErrorMs = null;
const failuresByKind = {};
for (const f of failures) {
  if (f.at < killMs) phase.before++;
  else if (f.at >= graceEnd) phase.after++;
  else phase.at++;
  if (f.at >= killMs) lastErrorMs = Math.max(lastErrorMs ?? -Infinity, f.at - killMs);
  failuresByKind[f.kind] = (failuresByKind[f.kind] || 0) + 1;
}

// ---- streams -------------------------------------------------------------------------------------------------------
const clients = sse.clients;
let reconnects = 0;
let onKilled = 0;
let onKilledReconnected = 0;
let resumeNeeded = 0;
let resumeEvents = 0;
let maxCatchUp = 0;
let maxGap = 0;
const resumeMissed = [];
let expected = 0;
let seen = 0;
const missing = [];
for (const c of clients) {
  reconnects += c.reconnects;
  expected += c.expected;
  seen += c.seenExpected;
  missing.push(...c.missing);
  const atKill = c.connections.find((k) => k.servedBy === killed && k.openedAt <= killMs && (k.droppedAt == null || k.droppedAt >= killMs));
  if (atKill) {
    onKilled++;
    if (c.connections.some((k) => k.openedAt > killMs)) onKilledReconnected++;
  }
  // A reconnect that found acknowledged commitments not yet seen must bring them by itself (the resume event, or the
  // new instance's live event for a change that was not yet pullable at the resume), before the next write to the
  // partnership was even sent: otherwise only later traffic healed the gap, and an event was missed.
  const writes = Object.entries(sse.acked[c.partnership] || {}).map(([id, w]) => ({ id, ...w }));
  c.connections.forEach((k, i) => {
    if (i === 0) return;
    const prev = c.connections[i - 1];
    if (prev.droppedAt) maxGap = Math.max(maxGap, k.openedAt - prev.droppedAt);
    if (k.pendingAtConnect.length === 0) return;
    resumeNeeded++;
    if (k.resumeEventAt != null) resumeEvents++;
    const lastPending = Math.max(...writes.filter((w) => k.pendingAtConnect.includes(w.id)).map((w) => w.sentAt));
    const nextSent = Math.min(...writes.filter((w) => w.sentAt > lastPending && !k.pendingAtConnect.includes(w.id))
      .map((w) => w.sentAt), Infinity);
    if (k.caughtUpAt != null) maxCatchUp = Math.max(maxCatchUp, k.caughtUpAt - k.openedAt);
    else maxCatchUp = Infinity;
    if (k.caughtUpAt == null || k.caughtUpAt >= nextSent) resumeMissed.push(`${c.partnership.slice(0, 8)} (stream of ${k.servedBy})`);
  });
}

// ---- haproxy's own log ---------------------------------------------------------------------------------------------
const hap = { lines: 0, byServer: {}, retried: 0, redispatched: 0, status5xx: 0, terminations: {} };
if (fs.existsSync(env('R_HAPROXY_LOG'))) {
  for (const line of fs.readFileSync(env('R_HAPROXY_LOG'), 'utf8').split('\n')) {
    const f = line.split(' ');
    if (f.length < 8 || !/^\d{13}$/.test(f[0])) continue;
    hap.lines++;
    hap.byServer[f[2]] = (hap.byServer[f[2]] || 0) + 1;
    if (f[4] !== '0') hap.retried++;
    if (f[4].startsWith('+')) hap.redispatched++;
    if (/^5/.test(f[1])) hap.status5xx++;
    if (!/^-/.test(f[3])) hap.terminations[f[3]] = (hap.terminations[f[3]] || 0) + 1;
  }
}

// ---- verdict -------------------------------------------------------------------------------------------------------
const total = loadRequests + nodeRequests;
const problems = [];
if (!loadRequests) problems.push('the load client made no request');
if (warmup.failures.length) problems.push(`${warmup.failures.length} errors in the warm-up`);
if (phase.before) problems.push(`${phase.before} errors before the kill`);
if (phase.after) problems.push(`${phase.after} errors after the grace window`);
if (!downMs) problems.push(`haproxy never marked ${killed} DOWN`);
if (onKilled === 0) problems.push(`no live stream was on ${killed} at the kill`);
if (onKilledReconnected < onKilled) problems.push(`${onKilled - onKilledReconnected} streams of ${killed} never reconnected`);
if (!sse.writes.acked) problems.push('no commitment acknowledged');
if (missing.length) problems.push(`${missing.length} acknowledged commitments never seen by their live client`);
if (resumeMissed.length) problems.push(`${resumeMissed.length} reconnects did not bring what was missed before the next write: ${resumeMissed.join(', ')}`);
const pass = problems.length === 0;
const fmtMs = (v) => (v === Infinity ? 'never' : `${Math.round(v)} ms`);
const verdict = `SCALE-OUT ${pass ? 'PASS' : 'FAIL'}: ${total} requests (load ${loadRequests}, live clients ${nodeRequests}); `
  + `errors before/at/after the kill ${phase.before}/${phase.at}/${phase.after}; `
  + `${killed} killed at ${rel(killMs - goMs)}, marked DOWN after ${downMs ? `${downMs - killMs} ms` : 'never'}, `
  + `last failed request ${lastErrorMs == null ? 'none' : `at +${Math.round(lastErrorMs)} ms`}; `
  + `SSE: ${clients.length} clients, ${onKilled} on ${killed} all reconnected: ${onKilledReconnected === onKilled ? 'yes' : 'no'}, `
  + `${reconnects} reconnects; events expected/seen ${expected}/${seen}`
  + (pass ? '' : ` — ${problems.join('; ')}`);

// ---- report --------------------------------------------------------------------------------------------------------
const secs = [...new Set([...Object.keys(loadSec), ...Object.keys(nodeSec)].map(Number))].sort((a, b) => a - b)
  .filter((s) => s * 1000 >= goMs - 1000);
const killSec = Math.floor(killMs / 1000);
const table = secs.map((s) => {
  const w = loadSec[s] || { ok: 0, err: 0 };
  const n = nodeSec[s] || { ok: 0, err: 0 };
  const mark = s === killSec ? ' ← kill' : (downMs && s === Math.floor(downMs / 1000) ? ' ← DOWN' : '');
  return `| ${s - killSec >= 0 ? '+' : ''}${s - killSec} | ${w.ok} | ${w.err} | ${n.ok} | ${n.err} |${mark}`;
});
const md = [];
md.push(env('R_HEADER'));
md.push('');
md.push(`**${verdict}**`);
md.push('');
md.push('| figure | value |');
md.push('| --- | --- |');
const secsRun = (load.endedAt - load.startedAt) / 1000;
md.push(`| requests | ${total}: load ${loadRequests} in ${secsRun.toFixed(1)} s (${Math.round(loadRequests / secsRun)} req/s over ${load.connections} connections, latency p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms, max ${load.latencyMs.max} ms), live clients ${nodeRequests} (stream opens, pulls, writes) |`);
md.push(`| warm-up (not in the other figures) | ${warmup.requests} requests in ${((warmup.endedAt - warmup.startedAt) / 1000).toFixed(1)} s, ${warmup.failures.length} errors |`);
md.push(`| errors before the kill | ${phase.before} |`);
md.push(`| errors in the grace window (from the kill until haproxy marks the instance DOWN, plus 1 s) | ${phase.at}${phase.at ? ` (${Object.entries(failuresByKind).map(([k, n]) => `${n} × ${k}`).join(', ')})` : ''} |`);
md.push(`| errors after the grace window | ${phase.after} |`);
md.push(`| kill -9 of ${killed} | ${rel(killMs - goMs)} after the load started |`);
md.push(`| haproxy marks ${killed} DOWN | ${downMs ? `${downMs - killMs} ms after the kill` : 'never'} (${env('R_DOWN_INFO') || 'n/a'}) |`);
md.push(`| last failed request | ${lastErrorMs == null ? 'none' : `+${Math.round(lastErrorMs)} ms after the kill`} |`);
md.push(`| haproxy log | ${hap.lines} requests, by server ${JSON.stringify(hap.byServer)}; ${hap.retried} retried (${hap.redispatched} redispatched to another server); ${hap.status5xx} answered 5xx; termination states ${JSON.stringify(hap.terminations)} |`);
md.push(`| live clients | ${clients.length}, each one member of its own partnership; ${onKilled} had their stream on ${killed} at the kill, ${onKilledReconnected} of them reconnected; ${reconnects} reconnects in all, longest time without a stream ${maxGap} ms |`);
md.push(`| resume with Last-Event-ID | ${resumeNeeded} reconnects found acknowledged commitments not yet seen (written while the client had no stream); ${resumeNeeded - resumeMissed.length} of them caught up before the next write to their partnership was sent (${resumeEvents} through the resume \`change\` event, the others through a live event of the new instance), at most ${fmtMs(maxCatchUp)} after the stream reopened |`);
md.push(`| commitments written (live writer) | ${sse.writes.attempted} attempted, ${sse.writes.acked} acknowledged with 201 |`);
md.push(`| events expected/seen | ${expected}/${seen} (every acknowledged commitment of its partnership, seen by pulling on change events); missing: ${missing.length ? missing.join(', ') : 'none'} |`);
md.push(`| write → seen by the partner | p50 ${sse.visibilityMs.p50} ms, p99 ${sse.visibilityMs.p99} ms, max ${sse.visibilityMs.max} ms |`);
md.push('');
md.push('Requests per second (wall-clock seconds relative to the kill; "live" is every HTTP exchange of the live clients and');
md.push('their writer: stream opens, pulls, writes):');
md.push('');
md.push('| second | load ok | load errors | live ok | live errors |');
md.push('| ---: | ---: | ---: | ---: | ---: |');
md.push(...table);
md.push('');
md.push('Live clients (partnership, server of each stream in order, reconnects, commitments expected/seen):');
md.push('');
md.push('| partnership | streams | reconnects | expected/seen |');
md.push('| --- | --- | ---: | ---: |');
for (const c of clients) {
  md.push(`| ${c.partnership.slice(0, 8)} | ${c.connections.map((k) => k.servedBy).join(' → ')} | ${c.reconnects} | ${c.expected}/${c.seenExpected} |`);
}
md.push('');
fs.writeFileSync(env('R_RESULT'), md.join('\n'));
console.log(verdict);
process.exit(pass ? 0 : 1);
