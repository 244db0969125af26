// Slow live clients for reliability/run: <count> GET /v1/events streams, one per target account from <first>, held
// for <hold> seconds. Half never read after the headers (their socket paused: the service's writes back up into the
// kernel's buffers and then into the service), half read a little every 5 seconds. One more client reads normally
// and counts the events it hears, to show the stream still works for everyone else. Writes <out.json>.
// Usage: node sse-slow.js <base url> <targets.txt> <first> <count> <hold s> <out.json>
'use strict';
const http = require('http');
const fs = require('fs');

const [baseUrl, targetsFile, firstArg, countArg, holdArg, outFile] = process.argv.slice(2);
const base = new URL(baseUrl);
const first = Number(firstArg);
const count = Number(countArg);
const hold = Number(holdArg) * 1000;
const targets = fs.readFileSync(targetsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('|')[0]);
const stats = { opened: 0, refused: 0, errors: {}, closedEarly: 0, watcherEvents: 0, watcherChanges: 0,
  slowBytesRead: 0 };
const requests = [];
const timers = [];

function open(token, mode) {
  return new Promise((resolve) => {
    const req = http.request({ host: base.hostname, port: base.port, path: '/v1/events', method: 'GET',
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        stats.refused++;
        res.resume();
        return resolve();
      }
      stats.opened++;
      let done = false;
      res.on('close', () => { if (!done && !stopping) stats.closedEarly++; done = true; });
      res.on('error', () => {});
      if (mode === 'watch') {
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          for (const line of chunk.split('\n')) {
            if (line.startsWith('event:')) stats.watcherEvents++;
            if (line === 'event: change' || line === 'event:change') stats.watcherChanges++;
          }
        });
      } else if (mode === 'stalled') {
        res.pause();
        res.socket.pause();
      } else {
        res.pause();
        res.socket.pause();
        timers.push(setInterval(() => {
          res.socket.resume();
          const chunk = res.read(256);
          if (chunk) stats.slowBytesRead += chunk.length;
          setTimeout(() => res.socket.pause(), 5);
        }, 5000));
      }
      resolve();
    });
    req.on('error', (e) => { stats.errors[e.code || e.message] = (stats.errors[e.code || e.message] || 0) + 1; resolve(); });
    req.end();
    requests.push(req);
  });
}

let stopping = false;
async function main() {
  const t0 = Date.now();
  const opens = [];
  for (let i = 0; i < count; i++) opens.push(open(targets[first + i], i % 2 === 0 ? 'stalled' : 'slow'));
  opens.push(open(targets[first], 'watch'));
  await Promise.all(opens);
  fs.writeFileSync(`${outFile}.ready`, '');
  await new Promise((r) => setTimeout(r, Math.max(0, hold - (Date.now() - t0))));
  stopping = true;
  timers.forEach(clearInterval);
  requests.forEach((r) => r.destroy());
  fs.writeFileSync(outFile, JSON.stringify({ ...stats, clients: count, holdMs: Date.now() - t0 }));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
