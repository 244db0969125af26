#!/usr/bin/env node
// Uses Swagger UI as a person would: authorizes with a bearer token, runs GET /v1/me from the page and checks the
// response the page shows. Exits 0 only when it shows 200 and a body naming the expected email.
//
//   node tools/browser/swagger-ui-check.mjs <baseUrl> <bearerToken> <expectedEmail>
//
// Browser: Debian's Chromium (apt-get install chromium), never one that Playwright downloads; CHROMIUM_PATH overrides
// /usr/bin/chromium. SWAGGER_UI_CHECK_SCREENSHOT, if set, is where a screenshot of the page goes when the check fails.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const TOTAL_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 20_000;

const [baseUrl, token, expectedEmail] = process.argv.slice(2);
if (!baseUrl || !token || !expectedEmail) {
  console.error('usage: node swagger-ui-check.mjs <baseUrl> <bearerToken> <expectedEmail>');
  process.exit(64);
}
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`FAIL: no Chromium at ${executablePath}: install it with "apt-get install -y chromium" (.ci/run does)`);
  process.exit(69);
}

const seen = [];
const pageErrors = [];
// Never print the token itself: what the page shows is printed with it masked.
const mask = (text) => (token.length < 8 ? text : text.split(token).join('<token>'));
const started = Date.now();
const see = (line) => {
  const masked = `[${((Date.now() - started) / 1000).toFixed(1)} s] ${mask(line)}`;
  seen.push(masked);
  console.log(masked);
};

let browser;
const deadline = setTimeout(() => {
  console.error(`FAIL: Swagger UI check did not finish within ${TOTAL_TIMEOUT_MS / 1000} s`);
  process.exit(2); // Playwright kills the browser it launched when this process exits
}, TOTAL_TIMEOUT_MS);

async function check(page) {
  const url = `${baseUrl.replace(/\/$/, '')}/q/swagger-ui/`;
  await page.goto(url);
  see(`opened ${url}: "${await page.title()}"`);

  // The contract lists local development first (what generated clients default to); the page calls the service
  // that served it through the relative server "/".
  await page.locator('.servers select').selectOption('/');
  see('chose the server "/" (the service that served the page)');

  // The Authorize button appears once the contract has been loaded and rendered.
  await page.locator('.scheme-container .btn.authorize').click();
  const dialog = page.locator('.dialog-ux .modal-ux');
  await dialog.waitFor();
  const bearer = dialog.locator('.auth-container').filter({ hasText: 'bearerAuth' });
  await bearer.locator('input').fill(token);
  await bearer.locator('button.authorize').click();
  // Swagger UI swaps Authorize for Logout in the dialog once the value is accepted.
  await bearer.locator('button', { hasText: 'Logout' }).waitFor();
  see('authorized bearerAuth in the Authorize dialog');
  // One Close button per security scheme (bearerAuth, integrationToken): the modal's own close button is unique.
  await dialog.locator('button.close-modal').click();
  await dialog.waitFor({ state: 'detached' });

  const operation = page
    .locator('.opblock.opblock-get')
    .filter({ has: page.locator('.opblock-summary-path[data-path="/v1/me"]') })
    .first();
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('.try-out__btn').click();
  // Swagger UI fills optional parameters with the contract's examples; an If-None-Match example that happened to
  // name the account's current tag would turn the answer into a 304, so send none.
  const ifNoneMatch = operation.locator('tr[data-param-name="If-None-Match"] input');
  if ((await ifNoneMatch.count()) > 0) {
    await ifNoneMatch.first().fill('');
  }
  await operation.locator('button.execute').click();
  see('expanded GET /v1/me, clicked "Try it out", cleared the If-None-Match example, clicked "Execute"');

  const live = operation.locator('.live-responses-table');
  const status = (await live.locator('.response .response-col_status').first().innerText()).trim();
  const body = (await live.locator('.response-col_description .highlight-code .microlight').first().innerText()).trim();
  const curl = await operation.locator('.curl-command .curl').first().innerText().catch(() => '');
  const requestUrl = await operation.locator('.request-url pre').first().innerText().catch(() => '');

  see(`request URL shown: ${requestUrl.trim()}`);
  see(`curl shown: ${curl.replace(/\s+/g, ' ').trim()}`);
  see(`response code shown: ${status}`);
  see(`response body shown: ${body.length > 600 ? `${body.slice(0, 600)}…` : body}`);

  const problems = [];
  if (!/Authorization: Bearer/.test(curl)) {
    problems.push('the request Swagger UI sent carries no "Authorization: Bearer" header');
  }
  if (status !== '200') {
    problems.push(`response code shown is "${status}", expected "200"`);
  }
  if (!body.includes(expectedEmail)) {
    problems.push(`response body shown does not contain ${expectedEmail}`);
  }
  return problems;
}

let problems;
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    // Playwright already passes --no-sandbox (its chromiumSandbox defaults to false), which Chromium needs as root.
    args: ['--disable-dev-shm-usage', '--disable-gpu'],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    problems = await check(page);
  } catch (error) {
    problems = [`could not complete the steps: ${mask(error.message.split('\n')[0])}`];
  }
  if (problems.length > 0 && process.env.SWAGGER_UI_CHECK_SCREENSHOT) {
    await page.screenshot({ path: process.env.SWAGGER_UI_CHECK_SCREENSHOT, fullPage: true }).catch(() => {});
    console.error(`screenshot: ${process.env.SWAGGER_UI_CHECK_SCREENSHOT}`);
  }
} catch (error) {
  problems = [`could not start Chromium (${executablePath}): ${error.message.split('\n')[0]}`];
} finally {
  await browser?.close().catch(() => {});
  clearTimeout(deadline);
}

if (problems.length > 0) {
  for (const error of pageErrors) {
    console.error(`page error: ${mask(error)}`);
  }
  console.error(`FAIL: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`OK: Swagger UI ran GET /v1/me with the bearer token and showed 200 with ${expectedEmail}`);
