// What the end-to-end scripts share: a free loopback port, the real `rubdown serve` started with
// a clean environment, its health awaited, and a clean stop.
'use strict';

const childProcess = require('child_process');
const net = require('net');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `rubdown serve` with only `settings` of the platforms' and Rubdown's variables (none
 * inherited from the caller's environment); its output is collected in `child.log`. */
function startRubdown(binary, settings) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('TELEGRAM_') || name.startsWith('SLACK_') || name.startsWith('RUBDOWN_')) {
      delete env[name];
    }
  }
  Object.assign(env, settings);
  const child = childProcess.spawn(binary, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.log = '';
  child.stdout.on('data', (chunk) => { child.log += chunk; });
  child.stderr.on('data', (chunk) => { child.log += chunk; });
  return child;
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`rubdown exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch (_) { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.once('exit', (code) => { clearTimeout(kill); resolve(code); });
    child.kill('SIGTERM');
  });
}

module.exports = { sleep, freePort, startRubdown, waitForHealth, stopChild };
