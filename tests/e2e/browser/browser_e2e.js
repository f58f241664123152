#!/usr/bin/env node
// End-to-end test of the web chat in a real browser: Debian's chromium, driven headless through
// the DevTools protocol by puppeteer-core (never a downloaded browser), against the real
// `rubdown serve` on loopback. A runner on a phone-sized screen opens the page, logs a run,
// presses a button under a reply, reloads and sees the conversation as it was; then an operator
// logs in to the dashboard and finds that runner, their log and the mileage charts.
//
//   node browser_e2e.js path/to/rubdown [artefact folder]
//
// Screenshots of each page go to the artefact folder (default: ./artefacts). Exit codes: 0
// passed, 1 failed, 77 skipped (puppeteer-core is not installed: run `npm ci` here; or no
// chromium: `apt-get install chromium`, or set RUBDOWN_CHROMIUM). Bounded by a watchdog.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const { freePort, startRubdown, waitForHealth, stopChild } = require('../support/rubdown_process');

const SKIP = 77;
const WATCHDOG_MS = 100000;
const STEP_MS = 20000;
const ADMIN_TOKEN = 'browser-test-operator-token';

let puppeteer;
try {
  puppeteer = require('puppeteer-core');
} catch (error) {
  console.log(`SKIP: puppeteer-core is not installed in ${__dirname} ` +
              `(run \`npm ci --no-audit --no-fund\` there): ${error.message.split('\n')[0]}`);
  process.exit(SKIP);
}

const chromium = [process.env.RUBDOWN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .find((candidate) => candidate && fs.existsSync(candidate));
if (!chromium) {
  console.log('SKIP: no chromium (apt-get install chromium, or set RUBDOWN_CHROMIUM)');
  process.exit(SKIP);
}

const binary = process.argv[2];
if (!binary || !fs.existsSync(binary)) {
  console.error(`usage: node browser_e2e.js path/to/rubdown [artefact folder] (got ${binary})`);
  process.exit(1);
}
const artefacts = path.resolve(process.argv[3] || 'artefacts');

const checks = [];
function check(condition, what) {
  checks.push({ ok: Boolean(condition), what });
  console.log(`${condition ? 'ok' : 'FAILED'} - ${what}`);
}

/** The conversation as the page shows it: [{from, text, buttons: [label], unsent, failed}]. */
function shownLines(page) {
  return page.$$eval('#conversation .line', (lines) => lines.map((line) => ({
    from: line.classList.contains('runner') ? 'runner' : 'bot',
    text: line.firstChild ? line.childNodes[0].textContent : '',
    whole: line.textContent,
    buttons: Array.from(line.querySelectorAll('.buttons button')).map((b) => b.textContent),
    unsent: line.classList.contains('unsent'),
    failed: line.classList.contains('failed'),
  })));
}

/** Waits until the page shows a bot line whose text matches `pattern`, after `count` bot lines. */
async function waitForBotLine(page, pattern, count) {
  await page.waitForFunction(
    (source, flags, seen) => {
      const bot = Array.from(document.querySelectorAll('#conversation .line.bot'));
      return bot.slice(seen).some((line) => new RegExp(source, flags).test(line.textContent));
    },
    { timeout: STEP_MS }, pattern.source, pattern.flags, count);
}

async function botLineCount(page) {
  return page.$$eval('#conversation .line.bot', (lines) => lines.length);
}

async function say(page, text) {
  await page.type('#text', text);
  await page.keyboard.press('Enter');
}

async function main() {
  fs.mkdirSync(artefacts, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rubdown-browser-e2e-'));
  let child = null;
  let browser = null;
  const watchdog = setTimeout(() => {
    console.error(`FAILED - the test did not finish within ${WATCHDOG_MS} ms`);
    if (child) { child.kill('SIGKILL'); console.error(child.log); }
    process.exit(1);
  }, WATCHDOG_MS);

  const pageErrors = [];
  try {
    child = startRubdown(binary, {
      RUBDOWN_DB: path.join(tmp, 'rubdown.db'),
      RUBDOWN_LISTEN: `127.0.0.1:${port}`,
      RUBDOWN_LOG_LEVEL: 'info',
      RUBDOWN_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    await waitForHealth(`${url}healthz`, child, 45000);
    check(child.log.includes(`Chat with it in a browser: ${url}`),
          `the server prints the address to open (${url})`);

    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      // As root in CI chromium's sandbox cannot start; /dev/shm is small in containers.
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--disable-gpu'],
    });
    const page = await browser.newPage();
    // A phone's screen.
    await page.setViewport({ width: 390, height: 780, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    // Anything the page logs as an error (a script failure, a refused Content-Security-Policy)
    // fails the test.
    page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });

    // 1. The page opens with its welcome, and the runner logs a run.
    const response = await page.goto(url, { waitUntil: 'load' });
    check(response.status() === 200, `GET / answers 200 (${response.status()})`);
    check(/script-src 'self'/.test(response.headers()['content-security-policy'] || ''),
          'the page comes with a strict Content-Security-Policy');
    await page.waitForSelector('#welcome', { timeout: STEP_MS });
    const cookies = await page.cookies();
    const session = cookies.find((c) => c.name === 'rubdown_chat');
    check(session && session.httpOnly && session.sameSite === 'Lax',
          'the browser holds an HttpOnly, SameSite=Lax session cookie');
    check(await page.evaluate(() => document.cookie === ''), 'the page\'s scripts cannot read it');

    await say(page, 'ran 10k easy this morning');
    await waitForBotLine(page, /Logged/, 0);
    let lines = await shownLines(page);
    check(lines[0].from === 'runner' && lines[0].whole === 'ran 10k easy this morning' &&
          !lines[0].unsent && !lines[0].failed,
          'the runner\'s message is shown on the right and marked sent');
    check(lines.some((l) => l.from === 'bot' && /10 km/.test(l.whole)),
          'the bot\'s reply names the run (10 km)');
    check(await page.$('#welcome') === null, 'the welcome gives way to the conversation');

    // 2. A reply with buttons; pressing one answers it, and the buttons are spent.
    let before = await botLineCount(page);
    await say(page, '20 miler on sunday');
    await page.waitForSelector(`#conversation .line.bot:nth-of-type(n+${before + 1}) .buttons button`,
                               { timeout: STEP_MS });
    lines = await shownLines(page);
    const asked = lines.filter((l) => l.buttons.length > 0).pop();
    check(asked && asked.buttons.length === 2, `the question shows its buttons: ${JSON.stringify(asked && asked.buttons)}`);
    await page.screenshot({ path: path.join(artefacts, 'chat-buttons.png') });
    before = await botLineCount(page);
    const buttons = await page.$$('#conversation .line.bot .buttons button');
    const pressed = await buttons[0].evaluate((b) => b.textContent);
    await buttons[0].click();
    await waitForBotLine(page, /Logged/, before);
    lines = await shownLines(page);
    check(lines.some((l) => l.from === 'runner' && l.whole === pressed),
          `the pressed button shows as the runner's answer ("${pressed}")`);
    check(await page.$$eval('#conversation .line.bot .buttons button', (all) => all.every((b) => b.disabled)),
          'the pressed question\'s buttons are disabled');
    await page.screenshot({ path: path.join(artefacts, 'chat.png') });
    const beforeReload = (await shownLines(page)).map((l) => `${l.from}: ${l.whole}`);

    // 3. A reload shows the same conversation, each reply once, and the chat goes on.
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction((count) => document.querySelectorAll('#conversation .line').length >= count,
                               { timeout: STEP_MS }, beforeReload.length);
    await new Promise((resolve) => setTimeout(resolve, 1000));  // time for a duplicate to arrive
    const afterReload = (await shownLines(page)).map((l) => `${l.from}: ${l.whole}`);
    check(JSON.stringify(afterReload) === JSON.stringify(beforeReload),
          `after a reload the page shows the same ${beforeReload.length} lines, none twice` +
          (JSON.stringify(afterReload) === JSON.stringify(beforeReload) ? ''
            : `\n  before: ${JSON.stringify(beforeReload)}\n  after:  ${JSON.stringify(afterReload)}`));
    check(await page.$$eval('#conversation .line.bot .buttons button', (all) => all.length > 0 && all.every((b) => b.disabled)),
          'after a reload the answered question\'s buttons stay disabled');
    before = await botLineCount(page);
    await say(page, 'how far did I run this week?');
    // The runner talked in miles ("20 miler"), so the answer may be in miles.
    await waitForBotLine(page, /\b(km|mi|miles?)\b/, before);
    check(true, 'after the reload the chat goes on (the week\'s distance is answered)');
    await page.screenshot({ path: path.join(artefacts, 'chat-reloaded.png'), fullPage: true });

    // 3b. The Chart button under that answer: the mileage chart, inline, decoded by the browser.
    // The answer is the conversation's last line now.
    const chartButton = await page.waitForSelector('#conversation .line.bot:last-child .buttons button',
                                                   { timeout: STEP_MS });
    check(await chartButton.evaluate((b) => b.textContent) === 'Chart', 'the distance answer offers a chart');
    await chartButton.click();
    const chart = await page.waitForSelector('#conversation .line.bot img.chart', { timeout: STEP_MS });
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, { timeout: STEP_MS }, chart);
    const shownChart = await chart.evaluate((img) => ({ width: img.naturalWidth, height: img.naturalHeight,
                                                        alt: img.alt, shownWidth: img.clientWidth }));
    check(shownChart.width === 640 && shownChart.height === 480,
          `the chart decodes as a 640x480 image (${shownChart.width}x${shownChart.height})`);
    check(/^Bar chart of (km|mi) per week: /.test(shownChart.alt), `the chart has its description ("${shownChart.alt.slice(0, 40)}...")`);
    check(shownChart.shownWidth > 0 && shownChart.shownWidth <= 480, `the chart fits the phone-sized page (${shownChart.shownWidth}px)`);
    await page.screenshot({ path: path.join(artefacts, 'chat-chart.png'), fullPage: true });
    await page.reload({ waitUntil: 'load' });
    const reloadedChart = await page.waitForSelector('#conversation .line.bot img.chart', { timeout: STEP_MS });
    await page.waitForFunction((img) => img.complete && img.naturalWidth === 640, { timeout: STEP_MS }, reloadedChart);
    check(true, 'after a reload the chart is shown again');
    const buttonStates = await page.$$eval('#conversation .line.bot .buttons button',
                                           (all) => all.map((b) => `${b.textContent}:${b.disabled ? 'off' : 'on'}`));
    check(buttonStates.length >= 2 && buttonStates[buttonStates.length - 1] === 'Chart by month:on' &&
          buttonStates.slice(0, -1).every((state) => state.endsWith(':off')),
          `after a reload only the last reply's buttons work (${JSON.stringify(buttonStates)})`);

    // 4. The operator: a login form, then the dashboard with that runner and the club's charts.
    const admin = await browser.newPage();
    await admin.setViewport({ width: 1280, height: 900 });
    admin.on('pageerror', (error) => pageErrors.push(`admin page error: ${error.message}`));
    admin.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`admin console: ${message.text()}`);
    });
    await admin.goto(`${url}admin/`, { waitUntil: 'load' });
    check(admin.url().endsWith('/admin/login'), `an operator without a session is sent to the login (${admin.url()})`);
    const errorsBefore = pageErrors.length;
    await admin.type('#token', 'not the token');
    await Promise.all([admin.waitForNavigation({ waitUntil: 'load' }), admin.click('button[type=submit]')]);
    check(/not the admin token/.test(await admin.content()), 'a wrong token is refused on the form');
    // The browser logs the refusal's 401 status as an error: expected here, and only here.
    const refusals = pageErrors.splice(errorsBefore);
    check(refusals.every((e) => /401/.test(e)), `the wrong token's page loads but for its 401 ${JSON.stringify(refusals)}`);
    await admin.type('#token', ADMIN_TOKEN);
    await Promise.all([admin.waitForNavigation({ waitUntil: 'load' }), admin.click('button[type=submit]')]);
    check(/How the bot is doing/.test(await admin.content()), 'the right token opens the dashboard');
    const adminCookie = (await admin.cookies()).find((c) => c.name === 'rubdown_admin');
    check(adminCookie && adminCookie.httpOnly && adminCookie.sameSite === 'Strict',
          'the operator holds an HttpOnly, SameSite=Strict session cookie');
    const runnerLinks = await admin.$$eval('a[href^="/admin/runner?id="]', (links) => links.map((l) => l.textContent));
    check(runnerLinks.length === 1, `the dashboard lists the runner (${JSON.stringify(runnerLinks)})`);
    const charts = await admin.$$eval('svg.chart rect', (bars) => bars.filter((b) => Number(b.getAttribute('height')) > 0).length);
    check(charts >= 1, `the club's mileage charts show the runs (${charts} bars above zero)`);
    check(/logging a run/.test(await admin.content()), 'the dashboard says what runners asked');
    await admin.screenshot({ path: path.join(artefacts, 'dashboard.png'), fullPage: true });
    await Promise.all([admin.waitForNavigation({ waitUntil: 'load' }), admin.click('a[href^="/admin/runner?id="]')]);
    const runnerPage = await admin.content();
    check(/ran 10k easy this morning/.test(runnerPage), 'the runner\'s page shows their log as they wrote it');
    check(/<svg/.test(runnerPage), 'the runner\'s page has their mileage chart');
    await admin.screenshot({ path: path.join(artefacts, 'dashboard-runner.png'), fullPage: true });

    check(pageErrors.length === 0, `no script or policy errors on the pages ${JSON.stringify(pageErrors)}`);
    const code = await stopChild(child);
    check(code === 0, `SIGTERM stops the bot cleanly (exit ${code})`);
  } catch (error) {
    check(false, error.message);
    if (pageErrors.length) console.log(pageErrors.join('\n'));
  } finally {
    clearTimeout(watchdog);
    if (browser) await browser.close().catch(() => {});
    if (child) await stopChild(child);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const failed = checks.filter((c) => !c.ok).length;
  if (failed > 0 && child) console.log(`--- rubdown log ---\n${child.log}`);
  console.log(`${checks.length - failed} passed, ${failed} failed; screenshots in ${artefacts}`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
