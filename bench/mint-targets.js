// Reads the targets TSV made by bench/run from stdin (account, session, partnership, commitment, occurrence
// commitment, occurrence due date, email) and writes one line per account for the wrk scripts:
//   token|account|partnership|commitment|occCommitment|occDueDate|syncCursor|email
// Access tokens are RS256 JWTs exactly as auth/AccessTokens.java makes them (iss, aud, sub, sid, jti, iat, exp);
// the service caps their lifetime at 15 minutes, so they expire 14 minutes from now. The sync cursor is a feed
// cursor at the very start of the feed (txid 0, seq 0), signed like sync/SyncCursor.java with the database's
// sync_secret, so that GET /v1/sync?cursor=…&limit=100 returns the caller's first 100 changes.
// Usage: node mint-targets.js <private.pem> <sync secret> < targets.tsv > targets.txt
const crypto = require('crypto');
const fs = require('fs');
const [keyFile, syncSecret] = process.argv.slice(2);
const key = crypto.createPrivateKey(fs.readFileSync(keyFile));
const b64 = (x) => Buffer.from(x).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const header = b64(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
const cursorBody = b64(`v1:-1:-:0:0:${now}`);
const cursorTag = crypto.createHmac('sha256', Buffer.from(syncSecret, 'utf8')).update(cursorBody).digest().subarray(0, 16);
const cursor = `${cursorBody}.${cursorTag.toString('base64url')}`;
const lines = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
const out = [];
for (const line of lines) {
  const [account, session, partnership, commitment, occCommitment, occDate, email] = line.split('\t');
  const payload = b64(JSON.stringify({
    iss: 'https://partner-sync.app', aud: 'partner-sync-api', sub: account, sid: session,
    jti: crypto.randomUUID(), iat: now, exp: now + 14 * 60,
  }));
  const signature = crypto.sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  out.push([`${header}.${payload}.${signature}`, account, partnership, commitment, occCommitment, occDate, cursor, email].join('|'));
}
process.stdout.write(out.join('\n') + '\n');
