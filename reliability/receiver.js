// The webhook receiver of reliability/run: answers 200 to every POST on 127.0.0.1:<port> and appends one line per
// request to <out file>: "<PartnerSync-Event-Id>\t<PartnerSync-Event-Type>\t<epoch ms>".
// Usage: node receiver.js <port> <out file>
'use strict';
const http = require('http');
const fs = require('fs');

const [port, outFile] = process.argv.slice(2);
const out = fs.openSync(outFile, 'a');
http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    fs.writeSync(out, `${req.headers['partnersync-event-id']}\t${req.headers['partnersync-event-type']}\t${Date.now()}\n`);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
  });
}).listen(Number(port), '127.0.0.1');
