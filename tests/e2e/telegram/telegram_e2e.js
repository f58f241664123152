#!/usr/bin/env node
// End-to-end test of the real `rubdown serve` against telegram-test-api, an independent emulator
// of the Telegram Bot API. A runner talks to the bot through the emulator's client API; the bot
// long-polls the emulator like it would poll Telegram.
//
//   node telegram_e2e.js path/to/rubdown
//
// Exit codes: 0 passed, 1 failed, 77 skipped (the emulator package is not installed: run
// `npm ci` in this folder). Bounded: a watchdog ends everything after WATCHDOG_MS.
//
// Between the bot and the emulator sits a small recording proxy. It records every Bot API call
// (method and HTTP status), so the test can check what the emulator cannot show (answerCallbackQuery
// calls, the pace of getUpdates), and it hands one getUpdates answer out a second time, as a server
// that ignores `offset` would: the bot must not answer the same update twice.
'use strict';

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const { sleep, freePort, startRubdown, waitForHealth, stopChild } =
  require('../support/rubdown_process');

const SKIP = 77;
const WATCHDOG_MS = 90000;
const TOKEN = '123456:e2e-test-token';
const USER_ID = 4242;

let TelegramServer;
try {
  TelegramServer = require('telegram-test-api');
} catch (error) {
  console.log(`SKIP: the telegram-test-api package is not installed in ${__dirname} ` +
              `(run \`npm ci --no-audit --no-fund\` there): ${error.message.split('\n')[0]}`);
  process.exit(SKIP);
}

const binary = process.argv[2];
if (!binary || !fs.existsSync(binary)) {
  console.error(`usage: node telegram_e2e.js path/to/rubdown (got ${binary})`);
  process.exit(1);
}

// ---- the recording proxy ----

/** Forwards everything to the emulator; records Bot API calls; replays one getUpdates answer. */
function startProxy(port, emulatorPort) {
  const calls = []; // {method, status, body (request), at}
  let replayable = null; // a non-empty getUpdates answer not yet handed out twice
  let replayed = false;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const method = req.url.split('?')[0].split('/').pop();
      const upstream = http.request({
        host: '127.0.0.1', port: emulatorPort, method: req.method, path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${emulatorPort}` },
      }, (answer) => {
        const parts = [];
        answer.on('data', (chunk) => parts.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(parts);
          let parsedRequest = null;
          try { parsedRequest = JSON.parse(requestBody.toString() || 'null'); } catch (_) { /* */ }
          calls.push({ method, status: answer.statusCode, request: parsedRequest, at: Date.now() });
          if (method === 'getUpdates' && answer.statusCode === 200) {
            const parsed = JSON.parse(body.toString());
            if (parsed.result.length > 0 && !replayable && !replayed) {
              replayable = body;
            } else if (parsed.result.length === 0 && replayable) {
              body = replayable; // the same updates again, as if `offset` were ignored
              replayable = null;
              replayed = true;
            }
          }
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          res.writeHead(answer.statusCode, headers);
          res.end(body);
        });
      });
      upstream.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${error.message}`);
      });
      upstream.end(requestBody);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ server, calls, wasReplayed: () => replayed }));
  });
}

// ---- the runner's side, through the emulator's client API ----

class Runner {
  constructor(apiUrl, client) {
    this.apiUrl = apiUrl;
    this.client = client;
    this.received = []; // every bot message seen in the chat, in order
  }

  async post(route, body) {
    const response = await fetch(`${this.apiUrl}/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
    return response.json();
  }

  say(text) {
    return this.client.sendMessage(this.client.makeMessage(text));
  }

  command(text) {
    return this.client.sendCommand(this.client.makeCommand(text));
  }

  press(data, messageId) {
    // The emulator's callback message carries no message_id unless given: the pressed message.
    return this.client.sendCallback(
      this.client.makeCallbackQuery(data, { message: { message_id: messageId } }));
  }

  /** New bot messages in this chat (the emulator hands each out once). */
  async fetchNew() {
    const answer = await this.post('getUpdates', { token: TOKEN, chatId: USER_ID });
    this.received.push(...answer.result);
    return answer.result;
  }

  /** Waits until a bot message arriving after `from` (an index into received) satisfies `test`. */
  async waitFor(description, test, from, timeoutMs = 20000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.slice(from).find(test);
      if (found) return found;
      if (Date.now() > deadline) {
        const texts = this.received.slice(from).map((update) => update.message.text);
        throw new Error(`no bot message ${description} within ${timeoutMs} ms; got ${JSON.stringify(texts)}`);
      }
      await this.fetchNew();
      await sleep(100);
    }
  }

  /** Stored bot messages, with edits applied (the emulator edits them in place). */
  async history() {
    const answer = await this.post('getUpdatesHistory', { token: TOKEN });
    return answer.result.filter((update) => update.message && update.message.chat_id !== undefined);
  }
}

function buttonsOf(update) {
  const markup = update.message.reply_markup;
  return markup && markup.inline_keyboard ? markup.inline_keyboard.flat() : [];
}

// ---- the test ----

const checks = [];
function check(condition, what) {
  checks.push({ ok: Boolean(condition), what });
  console.log(`${condition ? 'ok' : 'FAILED'} - ${what}`);
}

async function main() {
  const [emulatorPort, proxyPort, botPort] = [await freePort(), await freePort(), await freePort()];
  const emulator = new TelegramServer({ port: emulatorPort, host: '127.0.0.1', storeTimeout: 60 });
  await emulator.start();
  const proxy = await startProxy(proxyPort, emulatorPort);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rubdown-telegram-e2e-'));
  let child = null;

  const watchdog = setTimeout(() => {
    console.error(`FAILED - the test did not finish within ${WATCHDOG_MS} ms`);
    if (child) child.kill('SIGKILL');
    if (child) console.error(child.log);
    process.exit(1);
  }, WATCHDOG_MS);

  try {
    child = startRubdown(binary, {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_URL: `http://127.0.0.1:${proxyPort}`,
      RUBDOWN_DB: path.join(tmp, 'rubdown.db'),
      RUBDOWN_LISTEN: `127.0.0.1:${botPort}`,
      RUBDOWN_LOG_LEVEL: 'info',
    });
    // Generous: a sanitizer build on a busy machine starts slowly (the classifier trains first).
    await waitForHealth(`http://127.0.0.1:${botPort}/healthz`, child, 45000);
    const started = Date.now();

    const runner = new Runner(emulator.config.apiURL, emulator.getClient(TOKEN, {
      userId: USER_ID, chatId: USER_ID, firstName: 'Ana', userName: 'ana_runs',
    }));

    // 1. /start: a greeting that says who the bot is.
    let from = runner.received.length;
    await runner.command('/start');
    const hello = await runner.waitFor('greeting', (u) => /Rubdown/.test(u.message.text), from);
    check(/^Hi Ana!/.test(hello.message.text),
          `/start is answered with a greeting by the runner's first name: ${JSON.stringify(hello.message.text.slice(0, 60))}`);

    // 2. A run in plain words is logged, and the reply names distance, time and effort.
    from = runner.received.length;
    await runner.say('ran 10k in 52 minutes, felt hard');
    const logged = await runner.waitFor('confirming the run', (u) => /Logged/.test(u.message.text), from);
    check(/10(\.0)? ?km/.test(logged.message.text), 'the run reply names the distance (10 km)');
    check(/52:00/.test(logged.message.text), 'the run reply names the time (52:00)');
    check(/hard/.test(logged.message.text), 'the run reply names the effort (hard)');

    // 3. A button: /forget asks with inline buttons; "Keep my data" edits that message in place.
    from = runner.received.length;
    await runner.command('/forget');
    const question = await runner.waitFor('with the /forget buttons',
      (u) => buttonsOf(u).some((b) => String(b.callback_data).startsWith('forget:cancel@')), from);
    const labels = buttonsOf(question).map((b) => b.text);
    check(labels.includes('Keep my data') && labels.includes('Delete everything'),
          `/forget offers inline buttons ${JSON.stringify(labels)}`);
    const questionId = question.messageId;
    const keepData = buttonsOf(question).find((b) => b.text === 'Keep my data').callback_data;
    await runner.press(keepData, questionId);
    const deadline = Date.now() + 15000;
    let edited = null;
    while (!edited && Date.now() < deadline) {
      const stored = (await runner.history()).find((u) => u.messageId === questionId);
      if (stored && /Kept/.test(stored.message.text)) edited = stored;
      else await sleep(100);
    }
    check(edited, `pressing "Keep my data" edits the question to ${JSON.stringify(edited && edited.message.text)}`);
    await sleep(1500); // time for anything unexpected to arrive (a duplicate, a second answer)
    const answers = proxy.calls.filter((c) => c.method === 'answerCallbackQuery');
    check(answers.length === 1 && answers[0].status === 200,
          `the button press is answered exactly once with answerCallbackQuery (${answers.length} calls)`);

    // 4. Nothing was deleted: the run logged before is still counted.
    from = runner.received.length;
    await runner.say('how did I do this week?');
    const stats = await runner.waitFor('with the week\'s stats', (u) => /km/.test(u.message.text), from);
    check(/10(\.0)? ?km/.test(stats.message.text), 'after "Keep my data" the run is still in the stats');

    // 5. What the emulator does not do, the bot survived.
    await runner.fetchNew();
    const greetings = runner.received.filter((u) => /Rubdown/.test(u.message.text) && /^(Hi|Hello|Hey)/i.test(u.message.text));
    check(proxy.wasReplayed(), 'the proxy handed one getUpdates answer out twice');
    check(greetings.length === 1, `updates handed out twice are answered once (${greetings.length} greetings)`);
    const commands = proxy.calls.filter((c) => c.method === 'setMyCommands');
    check(commands.length >= 1 && commands.every((c) => c.status === 500),
          `the emulator answers setMyCommands with HTTP 500 (${commands.map((c) => c.status)}) and the bot runs on`);
    const seconds = (Date.now() - started) / 1000;
    const polls = proxy.calls.filter((c) => c.method === 'getUpdates' && c.at >= started).length;
    // The emulator answers getUpdates at once, ignoring `timeout`; a loop without a pause would
    // make hundreds of calls a second here.
    check(polls / seconds < 20, `getUpdates does not spin against an emulator that answers at once (${polls} calls in ${seconds.toFixed(1)} s)`);
    check(child.exitCode === null, 'the bot is still running');

    const code = await stopChild(child);
    check(code === 0, `SIGTERM stops the bot cleanly (exit ${code})`);
  } catch (error) {
    check(false, error.message);
  } finally {
    clearTimeout(watchdog);
    if (child) await stopChild(child);
    proxy.server.close();
    // The emulator's stop waits for open connections; never let that hold the test up.
    await Promise.race([emulator.stop(), sleep(5000)]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const failed = checks.filter((c) => !c.ok).length;
  if (failed > 0 && child) console.log(`--- rubdown log ---\n${child.log}`);
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
