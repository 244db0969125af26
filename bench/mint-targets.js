// Reads the targets TSV made by bench/run from stdin (account, session, partnership, commitment, occurrence
// commitment, occurrence due date, email, occurrence id) and writes one line per account for the wrk scripts:
//   token|account|partnership|commitment|occCommitment|occDueDate|syncCursor|email|headCursor|occurrence
// Access tokens are RS256 JWTs exactly as auth/AccessTokens.java makes them (iss, aud, sub, sid, jti, iat, exp);
// the service caps their lifetime at 15 minutes, so they expire 14 minutes from now. The sync cursor is a feed
// cursor at the very start of the feed (txid 0, seq 0), signed like sync/SyncCursor.java with the database's
// sync_secret, so that GET /v1/sync?cursor=…&limit=100 returns the caller's first 100 changes. The head cursor
// (optional third argument "<txid>:<seq>", the newest change in the feed when minted) is where a client that is up to
// date stands: the sync push scenario sends it, so its pull returns only what changed since (empty when not given).
// Usage: node mint-targets.js <private.pem> <sync secret> [<head txid>:<head seq>] < targets.tsv > targets.txt
const crypto = require('crypto');
const fs = require('fs');
const [keyFile, syncSecret, head] = process.argv.slice(2);
const key = crypto.createPrivateKey(fs.readFileSync(keyFile));
const b64 = (x) => Buffer.from(x).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const header = b64(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
// A feed cursor exactly as SyncCursor.encode makes one: base64url("v1:-1:-:<txid>:<seq>:<issued>") "." first 16 bytes
// of its HMAC-SHA256, base64url.
const feedCursor = (txid, seq) => {
  const body = b64(`v1:-1:-:${txid}:${seq}:${now}`);
  const tag = crypto.createHmac('sha256', Buffer.from(syncSecret, 'utf8')).update(body).digest().subarray(0, 16);
  return `${body}.${tag.toString('base64url')}`;
};
const cursor = feedCursor(0, 0);
let headCursor = '';
if (head) {
  const [txid, seq] = head.split(':');
  if (!/^[0-9]+$/.test(txid || '') || !/^[0-9]+$/.test(seq || '')) throw new Error(`bad head position: ${head}`);
  headCursor = feedCursor(txid, seq);
}
const lines = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
const out = [];
for (const line of lines) {
  const [account, session, partnership, commitment, occCommitment, occDate, email, occurrence] = line.split('\t');
  const payload = b64(JSON.stringify({
    iss: 'https://partner-sync.app', aud: 'partner-sync-api', sub: account, sid: session,
    jti: crypto.randomUUID(), iat: now, exp: now + 14 * 60,
  }));
  const signature = crypto.sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  out.push([`${header}.${payload}.${signature}`, account, partnership, commitment, occCommitment, occDate, cursor, email, headCursor, occurrence].join('|'));
}
process.stdout.write(out.join('\n') + '\n');
