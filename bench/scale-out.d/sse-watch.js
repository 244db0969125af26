// Live-stream clients and a writer for bench/scale-out, all through haproxy.
//
// Each client is one member (the reader) of its own partnership. It behaves like a web client: it first pulls
// GET /v1/sync from its cursor until nothing more comes, then holds GET /v1/events open; on every `change` event it
// pulls /v1/sync from its own cursor again (never on a timer), and remembers the id of every commitment it has seen.
// When the stream drops (its instance was killed) it reconnects through haproxy with Last-Event-ID, the id of the last
// change event it got, exactly as the contract says; a reconnect that fails is tried again with a short backoff.
// The writer is the other member of each partnership: once the go file exists it creates commitments round-robin over
// the partnerships at a steady rate for SCALE_WRITE_SECONDS, and remembers each one acknowledged with 201.
// Afterwards it waits (at most SCALE_SETTLE_SECONDS) until every client has seen every acknowledged commitment of its
// partnership, then writes everything it recorded to <out.json>.
//
// Usage: node sse-watch.js <base url> <readers.txt> <writers.txt> <out.json> <ready file> <go file>
//   readers.txt / writers.txt: lines of bench/mint-targets.js (token|account|partnership|…|cursor|…), the same
//   partnership on the same line of both files.
// Every HTTP exchange is counted per wall-clock second by category (sse, pull, write) and status; each failure is
// also kept with its time in ms.
'use strict';
const http = require('http');
const fs = require('fs');

const [baseUrl, readersFile, writersFile, outFile, readyFile, goFile] = process.argv.slice(2);
const writeSeconds = Number(process.env.SCALE_WRITE_SECONDS || 40);
const writeRate = Number(process.env.SCALE_WRITE_RATE || 10);
const settleSeconds = Number(process.env.SCALE_SETTLE_SECONDS || 20);
const base = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Date.now();

const parse = (file) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
  const f = l.split('|');
  return { token: f[0], account: f[1], partnership: f[2], cursor: f[6] };
});
const readers = parse(readersFile);
const writers = parse(writersFile);

// ---- counting -------------------------------------------------------------------------------------------------
const perSecond = {}; // epoch second -> category -> status -> count
const failures = []; // { at, cat, status, path, servedBy }
function record(cat, status, path, servedBy) {
  const sec = Math.floor(now() / 1000);
  const bySec = (perSecond[sec] = perSecond[sec] || {});
  const byCat = (bySec[cat] = bySec[cat] || {});
  byCat[status] = (byCat[status] || 0) + 1;
  const ok = typeof status === 'number' && status >= 200 && status < 300;
  if (!ok) failures.push({ at: now(), cat, status, path, servedBy });
}

// One request; resolves to { status, headers, body } or { status: 'ERR:<code>' } (never rejects).
function call(cat, method, path, token, body) {
  return new Promise((resolve) => {
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent, timeout: 10000 },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          record(cat, res.statusCode, path, res.headers['x-served-by']);
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (e) => { record(cat, `ERR:${e.code || e.message}`, path); resolve({ status: 'ERR' }); });
      });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => { record(cat, `ERR:${e.code || e.message}`, path); resolve({ status: 'ERR' }); });
    req.end(body);
  });
}

// ---- the writer's acknowledgements ------------------------------------------------------------------------------
const acked = new Map(); // partnership -> Map(commitment id -> { sentAt, ackAt })
let stopping = false;

// ---- clients ----------------------------------------------------------------------------------------------------
class Client {
  constructor(reader, writer) {
    this.reader = reader;
    this.writer = writer;
    this.cursor = reader.cursor;
    this.seen = new Map(); // commitment id -> first seen (ms)
    this.eventIds = [];
    this.lastEventId = null;
    this.connections = []; // one per stream that opened (200 and ": connected")
    this.failedAttempts = 0;
    this.changeEvents = 0;
    this.resumeEvents = 0;
    this.pulling = false;
    this.pullAgain = false;
    this.backoff = 100;
    this.req = null;
  }

  /** Pulls from the client's own cursor until the feed has nothing more; a failed pull is retried. */
  async pull() {
    if (this.pulling) { this.pullAgain = true; return; }
    this.pulling = true;
    do {
      this.pullAgain = false;
      let more = true;
      while (more && !stopping) {
        const r = await call('pull', 'GET', `/v1/sync?limit=100&cursor=${encodeURIComponent(this.cursor)}`, this.reader.token);
        if (r.status !== 200) { await sleep(200); continue; }
        const page = JSON.parse(r.body);
        const t = now();
        for (const c of page.changes) {
          if (c.type === 'commitment' && !this.seen.has(c.id)) this.seen.set(c.id, t);
        }
        this.cursor = page.nextCursor;
        more = page.hasMore;
      }
    } while (this.pullAgain && !stopping);
    this.pulling = false;
    this.checkCaughtUp();
  }

  missing() {
    const mine = acked.get(this.reader.partnership) || new Map();
    return [...mine.keys()].filter((id) => !this.seen.has(id));
  }

  checkCaughtUp() {
    for (const conn of this.connections) {
      if (conn.caughtUpAt == null && conn.pendingAtConnect.every((id) => this.seen.has(id))) conn.caughtUpAt = now();
    }
  }

  connect() {
    if (stopping) return;
    const headers = { Authorization: `Bearer ${this.reader.token}`, Accept: 'text/event-stream' };
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    const attemptAt = now();
    let conn = null;
    let ended = false;
    const req = http.request({ host: base.hostname, port: base.port, method: 'GET', path: '/v1/events', headers, agent: false });
    this.req = req;
    const dropped = (why) => {
      if (ended) return;
      ended = true;
      clearInterval(watchdog);
      if (stopping) return;
      if (conn) {
        conn.droppedAt = now();
        conn.dropReason = why;
      } else {
        this.failedAttempts++;
      }
      setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, 2000);
    };
    let lastData = now();
    // A stream silent for 45 s (three heartbeats) is dead even if no FIN came: drop it and reconnect.
    const watchdog = setInterval(() => { if (now() - lastData > 45000) req.destroy(new Error('silent')); }, 1000);
    req.on('response', (res) => {
      record('sse', res.statusCode, '/v1/events', res.headers['x-served-by']);
      if (res.statusCode !== 200) {
        res.resume();
        res.on('end', () => dropped(`status ${res.statusCode}`));
        res.on('error', () => dropped(`status ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let event = { name: null, id: null, data: '' };
      const dispatch = () => {
        if (event.name === 'change') {
          this.changeEvents++;
          if (event.id != null) {
            this.lastEventId = event.id;
            this.eventIds.push(event.id);
          } else {
            // Sent right after connecting when something changed since Last-Event-ID (SyncService.missedSince).
            this.resumeEvents++;
            if (conn && conn.resumeEventAt == null) conn.resumeEventAt = now();
          }
          this.pull();
        }
        event = { name: null, id: null, data: '' };
      };
      res.on('data', (chunk) => {
        lastData = now();
        buffer += chunk;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, '');
          buffer = buffer.slice(nl + 1);
          if (line === '') { if (event.name || event.data) dispatch(); continue; }
          if (line.startsWith(':')) {
            if (line.slice(1).trim() === 'connected' && !conn) {
              conn = {
                servedBy: res.headers['x-served-by'] || null, attemptAt, openedAt: now(), droppedAt: null,
                dropReason: null, lastEventIdSent: headers['Last-Event-ID'] || null,
                // Acknowledged commitments of this partnership the client had not seen when the stream opened: the
                // resume (or a later event) must bring them.
                pendingAtConnect: this.missing(), resumeEventAt: null, caughtUpAt: null,
              };
              if (conn.pendingAtConnect.length === 0) conn.caughtUpAt = conn.openedAt;
              this.connections.push(conn);
              this.backoff = 100;
            }
            continue;
          }
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event.name = value;
          else if (field === 'id') event.id = value;
          else if (field === 'data') event.data += value;
        }
      });
      res.on('end', () => dropped('end'));
      res.on('close', () => dropped('close'));
      res.on('error', (e) => dropped(`error ${e.code || e.message}`));
    });
    req.on('error', (e) => {
      if (!conn && !ended && !stopping) record('sse', `ERR:${e.code || e.message}`, '/v1/events');
      dropped(`error ${e.code || e.message}`);
    });
    req.end();
  }
}

const clients = readers.map((r, i) => new Client(r, writers[i]));

async function main() {
  const startedAt = now();
  // Initial sync, then the streams.
  await Promise.all(clients.map((c) => c.pull()));
  clients.forEach((c) => c.connect());
  const until = now() + 60000;
  while (clients.some((c) => c.connections.length === 0)) {
    if (now() > until) throw new Error('streams did not open within 60 s');
    await sleep(50);
  }
  fs.writeFileSync(readyFile, `${now()}\n`);
  while (!fs.existsSync(goFile)) await sleep(20);
  const goAt = now();

  // The writer: commitments round-robin over the partnerships, SCALE_WRITE_RATE per second, not waiting for answers.
  let attempted = 0;
  const inFlight = new Set();
  const interval = 1000 / writeRate;
  const writeEnd = goAt + writeSeconds * 1000;
  for (let next = goAt; next < writeEnd; next += interval) {
    const wait = next - now();
    if (wait > 0) await sleep(wait);
    const c = clients[attempted % clients.length];
    attempted++;
    const path = `/v1/partnerships/${c.writer.partnership}/commitments`;
    const body = JSON.stringify({ title: `Scale-out live ${attempted}`, promisedBy: [c.writer.account],
      category: 'chore', dueAt: '2099-01-01T09:00:00Z' });
    const sentAt = now();
    const p = call('write', 'POST', path, c.writer.token, body).then((r) => {
      if (r.status === 201) {
        const id = JSON.parse(r.body).id;
        if (!acked.has(c.writer.partnership)) acked.set(c.writer.partnership, new Map());
        acked.get(c.writer.partnership).set(id, { sentAt, ackAt: now() });
      }
    });
    inFlight.add(p);
    p.then(() => inFlight.delete(p));
  }
  await Promise.all([...inFlight]);
  const writeEndAt = now();

  // Settle: every acknowledged commitment seen by its partnership's client (through events only).
  const settleUntil = now() + settleSeconds * 1000;
  while (clients.some((c) => c.missing().length > 0 || c.pulling) && now() < settleUntil) await sleep(50);
  const settledAt = now();
  stopping = true;
  clients.forEach((c) => c.req && c.req.destroy());
  agent.destroy();

  const latencies = [];
  const clientOut = clients.map((c) => {
    const mine = acked.get(c.reader.partnership) || new Map();
    for (const [id, w] of mine) if (c.seen.has(id)) latencies.push(Math.max(0, c.seen.get(id) - w.ackAt));
    return {
      account: c.reader.account, partnership: c.reader.partnership,
      connections: c.connections, reconnects: Math.max(0, c.connections.length - 1), failedAttempts: c.failedAttempts,
      changeEvents: c.changeEvents, resumeEvents: c.resumeEvents, eventIds: c.eventIds, lastEventId: c.lastEventId,
      expected: mine.size, seenExpected: [...mine.keys()].filter((id) => c.seen.has(id)).length,
      missing: c.missing(), commitmentsSeen: c.seen.size,
    };
  });
  latencies.sort((a, b) => a - b);
  const pct = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : null);
  const ackedCount = [...acked.values()].reduce((n, m) => n + m.size, 0);
  fs.writeFileSync(outFile, JSON.stringify({
    startedAt, goAt, writeEndAt, settledAt,
    writes: { attempted, acked: ackedCount },
    visibilityMs: { p50: pct(0.5), p99: pct(0.99), max: latencies.length ? latencies[latencies.length - 1] : null },
    acked: Object.fromEntries([...acked].map(([p, m]) => [p, Object.fromEntries(m)])),
    clients: clientOut, perSecond, failures,
  }, null, 1));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
