// Counts the SQL statements in a slice of PostgreSQL's server log (log_statement = all), for bench/run's statement
// probe: only lines of the given backend pids count (the probe instance's pooled connections), and the count is
// divided by the number of requests the probe sent.
// Reads the log slice from stdin; log_line_prefix must contain "[%p]" (Debian's default '%m [%p] %q%u@%d ' does).
// Lines counted: "LOG:  statement: <sql>" (simple protocol) and "LOG:  execute <name>: <sql>" (extended protocol, what
// the JDBC driver uses); "execute fetch from" (a further fetch from an open portal) is not a statement of its own.
// Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT …) is counted apart from the statements; what the driver
// runs to open a connection (SET application_name, SHOW TRANSACTION ISOLATION LEVEL, …) is left out.
// Statements of the listener pids (the instance's LISTEN connection of sync/LiveEvents, which asks for the oldest
// transaction in flight when writes announce changes) are caused by the requests but run beside them, batched under
// load: they are counted apart.
// Usage: node sql-count.js <pid,pid,…> <requests> [<listener pid,…>] < log-slice
// Prints: "statements=<n> transactions=<n> listener=<n> per_request=<x> tx_per_request=<y> listener_per_request=<z>",
// then one line per distinct statement (its text on one line, select lists and column lists elided, parameters as ?):
// "<per request>\t<sql>", listener statements marked "[listener]".
const fs = require('fs');
const [pidList, requestsArg, listenerList = ''] = process.argv.slice(2);
const pids = new Set(pidList.split(/[,| ]/).filter(Boolean));
const listeners = new Set(listenerList.split(/[,| ]/).filter(Boolean));
const requests = Number(requestsArg);
const lines = fs.readFileSync(0, 'utf8').split('\n');
// A log entry starts with the timestamp of log_line_prefix; lines that do not are the rest of a multi-line statement.
const entryStart = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/;
const re = /\[(\d+)\] .*?LOG: {2}(?:statement: |execute (?!fetch from)[^:]*: )(.*)$/;
const entries = [];
for (const line of lines) {
  if (entryStart.test(line)) entries.push([line]);
  else if (entries.length) entries[entries.length - 1].push(line);
}
// One readable line per statement: the select list, insert columns and update assignments are elided.
const shorten = (sql) => sql
  .replace(/\s+/g, ' ')
  .replace(/^select (?!feed\.)(.{30,}?) from /i, 'select … from ')
  .replace(/^insert into (\S+) \(.*?\) values \(.*?\)/i, 'insert into $1 (…) values (…)')
  .replace(/^update (\S+) set .*? where /i, 'update $1 set … where ')
  .replace(/ in \((\$\d+,)+\$\d+\)/g, ' in (…)')
  .replace(/\$\d+/g, '?')
  .slice(0, 160);
// What the driver runs when it opens a connection is not part of a request (the pool rarely opens one mid-probe).
const setup = /^(set application_name|show transaction isolation level|set role|select version\(\)|set extra_float_digits|set session characteristics)\b/i;
let statements = 0;
let transactions = 0;
let listener = 0;
const kinds = new Map();
for (const entry of entries) {
  const m = re.exec(entry[0]);
  if (!m || !pids.has(m[1])) continue;
  const text = [m[2], ...entry.slice(1)].join('\n').trim();
  const key = (listeners.has(m[1]) ? '[listener] ' : '')
    + (text === '' ? '(empty statement: connection check)' : shorten(text));
  if (setup.test(text)) continue;
  if (listeners.has(m[1])) {
    listener++;
  } else if (/^(begin|commit|rollback|start transaction|savepoint|release|end)\b/i.test(text)) {
    transactions++;
  } else {
    statements++;
  }
  kinds.set(key, (kinds.get(key) || 0) + 1);
}
const per = (n) => (requests > 0 ? n / requests : 0);
const fmt = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
console.log(`statements=${statements} transactions=${transactions} listener=${listener} per_request=${fmt(per(statements))} tx_per_request=${fmt(per(transactions))} listener_per_request=${fmt(per(listener))}`);
[...kinds.entries()]
  .sort((a, b) => b[1] - a[1])
  .forEach(([sql, n]) => console.log(`${fmt(per(n))}\t${sql}`));
