#!/usr/bin/env node
// Opens the live stream as a web app on another origin would: from a page of <pageUrl>, fetches a stream ticket from
// <serviceUrl> with the bearer token (a CORS preflight, since it sends Authorization), opens a plain
// `new EventSource(<serviceUrl>/v1/events?ticket=…)`, makes a write with fetch (PATCH /v1/me), and waits for the
// `change` event it causes. Then reopens the spent ticket's URL and expects the browser to get an error, not events.
// Exits 0 only when the change arrived.
//
//   node tools/browser/event-source-check.mjs <pageUrl> <serviceUrl> <bearerToken>
//
// Prints what happened, never the token or the ticket. Browser: Debian's Chromium, as swagger-ui-check.mjs;
// CHROMIUM_PATH overrides /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const TOTAL_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 20_000;

const [pageUrl, serviceUrl, token] = process.argv.slice(2);
if (!pageUrl || !serviceUrl || !token) {
  console.error('usage: node event-source-check.mjs <pageUrl> <serviceUrl> <bearerToken>');
  process.exit(64);
}
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`FAIL: no Chromium at ${executablePath}: install it with "apt-get install -y chromium" (.ci/run does)`);
  process.exit(69);
}

const started = Date.now();
const secrets = [token];
// Tickets are masked by their shape too: the browser's own console lines (a failed request) name the URL.
const mask = (text) =>
  secrets
    .reduce((masked, secret) => masked.split(secret).join('<secret>'), String(text))
    .replace(/pst_[A-Za-z0-9_-]+/g, 'pst_<secret>');
const see = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${mask(line)}`);

let browser;
const deadline = setTimeout(() => {
  console.error(`FAIL: EventSource check did not finish within ${TOTAL_TIMEOUT_MS / 1000} s`);
  process.exit(2); // Playwright kills the browser it launched when this process exits
}, TOTAL_TIMEOUT_MS);

// Runs in the page: everything here is what a web app's own script does, with the page's origin.
async function inPage({ service, bearer, stepMillis }) {
  const log = [];
  const withTimeout = (promise, what) =>
    Promise.race([
      promise,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${stepMillis} ms`)), stepMillis)),
    ]);

  const made = await fetch(`${service}/v1/events/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bearer}` },
  });
  log.push(`POST /v1/events/tickets answered ${made.status}`);
  if (made.status !== 201) {
    return { ok: false, log };
  }
  const { ticket, expiresAt } = await made.json();
  log.push(`ticket obtained: prefix ${ticket.slice(0, 4)}, ${ticket.length} characters, expires ${expiresAt}`);

  const url = `${service}/v1/events?ticket=${encodeURIComponent(ticket)}`;
  const source = new EventSource(url);
  const change = new Promise((resolve) => source.addEventListener('change', (event) => resolve(event)));
  try {
    await withTimeout(
      new Promise((resolve, reject) => {
        source.onopen = () => resolve();
        source.onerror = () => reject(new Error(`EventSource error before open (readyState ${source.readyState})`));
      }),
      'EventSource open',
    );
    log.push('EventSource open (readyState 1)');
    source.onerror = null;

    const displayName = `Browser ${Date.now() % 100000}`;
    const written = await fetch(`${service}/v1/me`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName }),
    });
    log.push(`PATCH /v1/me answered ${written.status}`);

    const event = await withTimeout(change, 'change event');
    const data = JSON.parse(event.data);
    log.push(`change event received: id ${event.lastEventId ? 'present' : 'absent'}, cursor ${data.cursor ? 'present' : 'absent'}`);
  } catch (error) {
    log.push(`failed: ${error.message}`);
    source.close();
    return { ok: false, log };
  }
  source.close();

  // The spent ticket: EventSource gets an error (the 401), never an open stream.
  const again = new EventSource(url);
  const outcome = await withTimeout(
    new Promise((resolve) => {
      again.onopen = () => resolve('opened');
      again.onerror = () => resolve(`error, readyState ${again.readyState}`);
    }),
    'spent ticket',
  ).catch((error) => error.message);
  again.close();
  log.push(`the spent ticket's URL again: ${outcome}`);
  return { ok: !outcome.startsWith('opened'), log, ticket };
}

let problems = [];
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    // Playwright already passes --no-sandbox (its chromiumSandbox defaults to false), which Chromium needs as root.
    args: ['--disable-dev-shm-usage', '--disable-gpu'],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => see(`page error: ${error.message}`));
  page.on('console', (message) => see(`page console: ${message.text()}`));
  await page.goto(pageUrl);
  see(`opened the web app's page, origin ${new URL(pageUrl).origin}; the service is ${new URL(serviceUrl).origin}`);
  const result = await page.evaluate(inPage, {
    service: serviceUrl.replace(/\/$/, ''),
    bearer: token,
    stepMillis: STEP_TIMEOUT_MS,
  });
  if (result.ticket) {
    secrets.push(result.ticket);
  }
  result.log.forEach(see);
  if (!result.ok) {
    problems.push('the page did not receive the change event through EventSource with a ticket');
  }
} catch (error) {
  problems.push(`could not complete the steps: ${mask(error.message.split('\n')[0])}`);
} finally {
  await browser?.close().catch(() => {});
  clearTimeout(deadline);
}

if (problems.length > 0) {
  console.error(`FAIL: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('OK: a plain EventSource with a stream ticket received a change event across origins');
