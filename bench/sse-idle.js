// Idle live streams (issue 8): opens N concurrent GET /v1/events streams, spread over the accounts of a targets file
// (bench/mint-targets.js format, one stream per account, round robin when N exceeds them), holds them open without
// any change happening, and measures the service's resident memory (VmRSS of its pid) before opening them and while
// they are open (and its thread count). A stream counts as connected when its first bytes arrived (the service writes ": connected" at
// once) and as heard when a heartbeat comment arrived too (every partnersync.sync.heartbeat, default 15 s).
// Anything else is an error: a status other than 200, a socket error, a stream the service closed, or a "reauthenticate"
// event (the tokens must outlive the hold).
// Usage: node sse-idle.js <base url> <targets.txt> <service pid> [streams=1000] [hold s=30] [measure at s=20]
// Environment: SSE_DURING_CMD, a shell command run once at the measuring moment (bench/run counts the service's
// PostgreSQL connections with it); its output is part of the report. Prints one JSON object.
const http = require('http');
const fs = require('fs');
const { execSync } = require('child_process');

const [base, targetsFile, pid, n = '1000', hold = '30', measureAt = '20'] = process.argv.slice(2);
const streams = Number(n);
const holdMs = Number(hold) * 1000;
const measureMs = Number(measureAt) * 1000;
const url = new URL('/v1/events', base);
const tokens = fs.readFileSync(targetsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('|')[0]);

const status = (field) => {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : null;
};
const rssKb = () => status('VmRSS');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const state = [];
const errors = {};
const fail = (s, why) => {
  if (s.failed) return;
  s.failed = why;
  errors[why] = (errors[why] || 0) + 1;
};
let closing = false;

function open(i) {
  const s = { connected: false, heartbeats: 0, bytes: 0, failed: null, openedAt: Date.now(), firstByteMs: null };
  state.push(s);
  const req = http.request(url, {
    agent: false,
    headers: { Authorization: `Bearer ${tokens[i % tokens.length]}`, Accept: 'text/event-stream' },
  });
  s.req = req;
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      fail(s, `status ${res.statusCode}`);
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk) => {
      if (!s.connected) {
        s.connected = true;
        s.firstByteMs = Date.now() - s.openedAt;
      }
      s.bytes += chunk.length;
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line === ': heartbeat' || line === ':heartbeat') s.heartbeats++;
        if (line === 'event: reauthenticate') fail(s, 'reauthenticate event');
      }
    });
    res.on('end', () => { if (!closing) fail(s, 'closed by the service'); });
    res.on('error', (e) => { if (!closing) fail(s, `response error ${e.code || e.message}`); });
  });
  req.on('error', (e) => { if (!closing) fail(s, `request error ${e.code || e.message}`); });
  req.end();
}

(async () => {
  const rssBefore = rssKb();
  const threadsBefore = status('Threads');
  const t0 = Date.now();
  // Open in waves of 50, as clients reconnecting after a deploy would, rather than 1,000 SYNs at once.
  for (let i = 0; i < streams; i += 50) {
    for (let j = i; j < Math.min(streams, i + 50); j++) open(j);
    await sleep(20);
  }
  // Wait until every stream has its first bytes (or failed), at most 15 s.
  while (Date.now() - t0 < 15000 && state.some((s) => !s.connected && !s.failed)) await sleep(50);
  const allConnectedMs = Date.now() - t0;
  const connectedEarly = state.filter((s) => s.connected).length;
  await sleep(Math.max(0, measureMs - (Date.now() - t0)));
  const rssDuring = rssKb();
  const threadsDuring = status('Threads');
  let during = null;
  if (process.env.SSE_DURING_CMD) {
    try {
      during = execSync(process.env.SSE_DURING_CMD, { encoding: 'utf8', timeout: 10000 }).trim();
    } catch (e) {
      during = `failed: ${e.message.split('\n')[0]}`;
    }
  }
  await sleep(Math.max(0, holdMs - (Date.now() - t0)));
  const stillOpen = state.filter((s) => s.connected && !s.failed).length;
  const heard = state.filter((s) => s.heartbeats > 0).length;
  closing = true;
  state.forEach((s) => s.req.destroy());
  const firstBytes = state.filter((s) => s.firstByteMs !== null).map((s) => s.firstByteMs).sort((a, b) => a - b);
  const pct = (p) => (firstBytes.length ? firstBytes[Math.min(firstBytes.length - 1, Math.floor(p * firstBytes.length))] : null);
  console.log(JSON.stringify({
    streams,
    accounts: Math.min(streams, tokens.length),
    connected: connectedEarly,
    connectedWithinMs: allConnectedMs,
    firstByteP50Ms: pct(0.5),
    firstByteP99Ms: pct(0.99),
    openAtEnd: stillOpen,
    heardHeartbeat: heard,
    failed: state.filter((s) => s.failed).length,
    errors,
    rssBeforeKb: rssBefore,
    rssDuringKb: rssDuring,
    threadsBefore,
    threadsDuring,
    measuredAtS: Number(measureAt),
    heldS: Number(hold),
    during,
  }));
  process.exit(0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
