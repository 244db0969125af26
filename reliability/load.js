// The steady mixed load of reliability/run: RELIABILITY_CLIENTS keep-alive clients, together paced to RELIABILITY_RATE
// requests per second (each waits for its answer, like an app does, then for its next slot; a slow answer is not
// made up for by a burst), for <duration> seconds. By weight: 30% GET /v1/me, 25% GET one commitment, 25% GET
// commitments (page of 50), 20% POST a commitment with an Idempotency-Key (half of them with a client-chosen id). A
// create that fails (503, timeout, connection error) is retried by its client with the same key and body after
// Retry-After (at most RELIABILITY_RETRIES times; retries go on after <duration> until answered or given up).
// Writes (out dir): load.json (per second: answers by status, p99; every non-2xx with its problem type and time;
// overall figures) and acked.jsonl (one line per acknowledged create: key, title, id, when, attempts, status).
// Usage: node load.js <base url> <targets.txt> <out dir> <duration s> [first target] [targets]
'use strict';
const http = require('http');
const fs = require('fs');
const crypto = require('crypto');

const [baseUrl, targetsFile, outDir, durationArg, firstArg, countArg] = process.argv.slice(2);
const duration = Number(durationArg) * 1000;
const rate = Number(process.env.RELIABILITY_RATE || 300);
const clients = Number(process.env.RELIABILITY_CLIENTS || 64);
const timeoutMs = Number(process.env.RELIABILITY_CLIENT_TIMEOUT || 30) * 1000;
const retries = Number(process.env.RELIABILITY_RETRIES || 15);
const tag = process.env.RELIABILITY_TAG || 'load';
const base = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const now = () => Date.now();
const all = fs.readFileSync(targetsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
  const f = l.split('|');
  return { token: f[0], account: f[1], partnership: f[2], commitment: f[3] };
});
const first = Number(firstArg || 0);
const targets = all.slice(first, countArg ? first + Number(countArg) : undefined);

const perSecond = {}; // epoch second -> { n, status: {code: count}, lat: [] }
const failures = []; // { at, ms, scenario, status, type, retry }
const latencies = [];
const acked = fs.openSync(`${outDir}/acked-${tag}.jsonl`, 'w');
let creates = 0;
let ackedCount = 0;
let givenUp = 0;
const pendingRetries = new Set();

function request(method, path, token, body, headers = {}) {
  return new Promise((resolve) => {
    const started = now();
    const h = { Authorization: `Bearer ${token}`, Accept: 'application/json', ...headers };
    if (body) h['Content-Type'] = 'application/json';
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers: h, agent,
      timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString(),
        started, ms: now() - started }));
      res.on('error', (e) => resolve({ status: `ERR:${e.code || e.message}`, started, ms: now() - started }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e) => resolve({ status: `ERR:${e.code || e.message}`, started, ms: now() - started }));
    req.end(body);
  });
}

function problemType(r) {
  try { return JSON.parse(r.body).type || '-'; } catch { return r.body === undefined ? '-' : 'not-json'; }
}

function record(scenario, r, retry) {
  const at = now();
  const sec = Math.floor(at / 1000);
  const s = (perSecond[sec] = perSecond[sec] || { n: 0, status: {}, lat: [] });
  s.n++;
  s.status[r.status] = (s.status[r.status] || 0) + 1;
  s.lat.push(r.ms);
  latencies.push(r.ms);
  const ok = typeof r.status === 'number' && r.status >= 200 && r.status < 300;
  if (!ok) {
    failures.push({ at, started: r.started, ms: r.ms, scenario, status: r.status,
      type: typeof r.status === 'number' ? problemType(r) : '-',
      contentType: r.headers ? r.headers['content-type'] : undefined,
      retryAfter: r.headers ? r.headers['retry-after'] : undefined, retry });
  }
  return ok;
}

function pick() {
  const t = targets[Math.floor(Math.random() * targets.length)];
  const p = `/v1/partnerships/${t.partnership}`;
  const x = Math.random() * 100;
  if (x < 30) return { scenario: 'me', t, method: 'GET', path: '/v1/me' };
  if (x < 55) return { scenario: 'commitment', t, method: 'GET', path: `${p}/commitments/${t.commitment}` };
  if (x < 80) return { scenario: 'commitments', t, method: 'GET', path: `${p}/commitments?limit=50` };
  creates++;
  const key = crypto.randomUUID();
  const body = { title: `Reliability ${tag} ${key}`, promisedBy: [t.account], category: 'chore',
    dueAt: '2099-01-01T09:00:00Z' };
  if (creates % 2 === 0) body.id = crypto.randomUUID();
  return { scenario: 'create', t, method: 'POST', path: `${p}/commitments`, body: JSON.stringify(body), key,
    title: body.title, clientId: body.id, attempts: 0 };
}

async function send(r, retry) {
  r.attempts = (r.attempts || 0) + 1;
  const res = await request(r.method, r.path, r.t.token, r.body, r.key ? { 'Idempotency-Key': r.key } : {});
  const ok = record(r.scenario, res, retry);
  if (r.scenario !== 'create') return;
  if (ok) {
    let id = r.clientId;
    try { id = JSON.parse(res.body).id; } catch { /* the id we chose */ }
    ackedCount++;
    fs.writeSync(acked, JSON.stringify({ key: r.key, title: r.title, id, at: now(), attempts: r.attempts,
      status: res.status, replayed: res.headers['idempotent-replayed'] === 'true' }) + '\n');
    pendingRetries.delete(r);
    return;
  }
  // Only a failure that leaves the outcome open (503, no answer) is worth the same request again.
  const open = res.status === 503 || typeof res.status !== 'number' || res.status === 409;
  if (open && r.attempts <= retries) {
    pendingRetries.add(r);
    const wait = (Number(res.headers && res.headers['retry-after']) || 1) * 1000;
    setTimeout(() => send(r, true), wait);
  } else {
    pendingRetries.delete(r);
    givenUp++;
  }
}

async function main() {
  const startedAt = now();
  const end = startedAt + duration;
  const interval = (clients / rate) * 1000;
  await Promise.all(Array.from({ length: clients }, async (_, i) => {
    let slot = startedAt + (i * interval) / clients;
    while (true) {
      const wait = slot - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (now() >= end) break;
      await send(pick(), false);
      slot += interval;
      if (slot < now() - interval) slot = now();
    }
  }));
  const endedAt = now();
  // Creates still being retried finish (answered or given up).
  const drainUntil = now() + (retries + 2) * 3000;
  while (pendingRetries.size > 0 && now() < drainUntil) await new Promise((r) => setTimeout(r, 100));
  agent.destroy();
  fs.closeSync(acked);
  latencies.sort((a, b) => a - b);
  const pct = (arr, q) => arr[Math.min(arr.length - 1, Math.floor(q * arr.length))];
  const seconds = {};
  for (const [sec, s] of Object.entries(perSecond)) {
    s.lat.sort((a, b) => a - b);
    seconds[sec] = { n: s.n, status: s.status, p99: pct(s.lat, 0.99), max: s.lat[s.lat.length - 1] };
  }
  fs.writeFileSync(`${outDir}/load-${tag}.json`, JSON.stringify({
    startedAt, endedAt, plannedEnd: startedAt + duration, rate, clients, requests: latencies.length, creates, acked: ackedCount, givenUp,
    unsettled: pendingRetries.size,
    latencyMs: { p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), max: latencies[latencies.length - 1] },
    perSecond: seconds, failures,
  }));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
