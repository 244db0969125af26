// The mixed load of bench/scale-out: SCALE_CONNECTIONS keep-alive connections through haproxy, each sending its next
// request as soon as the previous one is answered, for SCALE_DURATION seconds after the go file appears. Every request
// picks a random account of the targets file (bench/mint-targets.js format) and, by weight: 30% GET /v1/me, 30% GET one
// commitment, 25% GET commitments (page of 50), 15% POST a commitment.
// Why not wrk: wrk counts a connection that closes without an answer only as an untimed "read error", and that is
// exactly how haproxy answers a request whose server died after receiving it, when it is not the first request of its
// client connection (it closes the client connection without a status so that the client may retry, and does not log
// it). Here every request, answered or not, is counted with its time.
// Usage: node load.js <base url> <targets.txt> <out.json> <go file>
'use strict';
const http = require('http');
const fs = require('fs');

const [baseUrl, targetsFile, outFile, goFile] = process.argv.slice(2);
const duration = Number(process.env.SCALE_DURATION || 40) * 1000;
const connections = Number(process.env.SCALE_CONNECTIONS || 16);
const base = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const now = () => Date.now();
const targets = fs.readFileSync(targetsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
  const f = l.split('|');
  return { token: f[0], account: f[1], partnership: f[2], commitment: f[3] };
});

const perSecond = {}; // epoch second -> scenario -> status -> count
const failures = []; // { at, scenario, status, servedBy }
const latencies = [];
let requests = 0;
let created = 0;

function pick() {
  const t = targets[Math.floor(Math.random() * targets.length)];
  const p = `/v1/partnerships/${t.partnership}`;
  const r = Math.random() * 100;
  if (r < 30) return { scenario: 'me', t, method: 'GET', path: '/v1/me' };
  if (r < 60) return { scenario: 'commitment', t, method: 'GET', path: `${p}/commitments/${t.commitment}` };
  if (r < 85) return { scenario: 'commitments', t, method: 'GET', path: `${p}/commitments?limit=50` };
  created++;
  return { scenario: 'create-commitment', t, method: 'POST', path: `${p}/commitments`,
    body: JSON.stringify({ title: `Scale-out promise ${created}`, promisedBy: [t.account], category: 'chore',
      dueAt: '2099-01-01T09:00:00Z' }) };
}

function record(scenario, status, started, servedBy) {
  const at = now();
  const sec = Math.floor(at / 1000);
  const bySec = (perSecond[sec] = perSecond[sec] || {});
  const bySc = (bySec[scenario] = bySec[scenario] || {});
  bySc[status] = (bySc[status] || 0) + 1;
  requests++;
  latencies.push(at - started);
  if (!(typeof status === 'number' && status >= 200 && status < 300)) failures.push({ at, scenario, status, servedBy });
}

function send(r) {
  return new Promise((resolve) => {
    const started = now();
    const headers = { Authorization: `Bearer ${r.t.token}`, Accept: 'application/json' };
    if (r.body) headers['Content-Type'] = 'application/json';
    const req = http.request({ host: base.hostname, port: base.port, method: r.method, path: r.path, headers, agent,
      timeout: 10000 }, (res) => {
      res.resume();
      res.on('end', () => { record(r.scenario, res.statusCode, started, res.headers['x-served-by']); resolve(); });
      res.on('error', (e) => { record(r.scenario, `ERR:${e.code || e.message}`, started); resolve(); });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => { record(r.scenario, `ERR:${e.code || e.message}`, started); resolve(); });
    req.end(r.body);
  });
}

async function main() {
  while (!fs.existsSync(goFile)) await new Promise((r) => setTimeout(r, 10));
  const startedAt = now();
  const end = startedAt + duration;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (now() < end) await send(pick());
  }));
  const endedAt = now();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  fs.writeFileSync(outFile, JSON.stringify({
    startedAt, endedAt, connections, requests,
    latencyMs: { p50: pct(0.5), p99: pct(0.99), max: latencies[latencies.length - 1] },
    perSecond, failures,
  }, null, 1));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
