// Starts and stops a Ruamkit server for end-to-end tests.
//
// Environment:
//   RUAMKIT_BIN        path to the server binary (required)
//   RUAMKIT_SHARE_DIR  directory holding templates/, locales/, static/
//                      (default: the repository root)
//   E2E_OUT_DIR        where screenshots and other artefacts go
//                      (default: <repo>/build/e2e; relative paths are taken
//                      from the current directory)
//   E2E_SERVER_LOG=1   echo the server's stderr to ours while tests run
//
// Each server gets a fresh temporary directory with its own SQLite database,
// listens on an ephemeral loopback port and is told apart from others only by
// the URL it prints on stdout when ready:
//
//   Ruamkit is serving at http://127.0.0.1:PORT/

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const READY_LINE = /^Ruamkit is serving at (http:\/\/127\.0\.0\.1:(\d{1,5})\/)$/;
const LOG_LIMIT = 256 * 1024; // characters of stdout/stderr kept for error messages

/** Directory for screenshots etc.; created on first use. */
export function outDir() {
  const dir = path.resolve(process.env.E2E_OUT_DIR || path.join(repoRoot, 'build', 'e2e'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Path of a file in outDir(). */
export function outFile(name) {
  return path.join(outDir(), name);
}

function serverBin() {
  const bin = process.env.RUAMKIT_BIN;
  if (!bin) {
    throw new Error('RUAMKIT_BIN is not set: point it at the ruamkit server binary, e.g. RUAMKIT_BIN=build/debug/ruamkit');
  }
  const resolved = path.resolve(bin);
  if (!existsSync(resolved) || !statSync(resolved).isFile()) {
    throw new Error(`RUAMKIT_BIN=${bin}: no such file`);
  }
  return resolved;
}

function defaultShareDir() {
  return path.resolve(process.env.RUAMKIT_SHARE_DIR || repoRoot);
}

// Servers still running when this process exits (a crash, an uncaught error)
// are killed rather than left behind.
const live = new Set();
process.on('exit', () => {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

class Tail {
  constructor(limit) { this.limit = limit; this.text = ''; }
  push(chunk) {
    this.text += chunk;
    if (this.text.length > this.limit) this.text = this.text.slice(-this.limit);
  }
  toString() { return this.text; }
}

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.off('exit', onExit); resolve(false); }, ms);
    function onExit() { clearTimeout(timer); resolve(true); }
    child.once('exit', onExit);
  });
}

/**
 * Starts `$RUAMKIT_BIN serve` and resolves once it is ready.
 *
 * @param {object}   [opts]
 * @param {string}   [opts.bin]            server binary (default $RUAMKIT_BIN)
 * @param {string}   [opts.shareDir]       default $RUAMKIT_SHARE_DIR or the repo root
 * @param {string}   [opts.logLevel]       default 'warn'
 * @param {string[]} [opts.extraArgs]      appended to the command line
 * @param {boolean}  [opts.seedDemo]       load the demo data (seed-demo) first
 * @param {object}   [opts.env]            added to the environment
 * @param {number}   [opts.readyTimeoutMs] default 20000
 * @returns {Promise<RunningServer>}
 *
 * @typedef {object} RunningServer
 * @property {string}   baseURL   e.g. 'http://127.0.0.1:41234/'
 * @property {string}   origin    e.g. 'http://127.0.0.1:41234'
 * @property {number}   port
 * @property {string}   tmpDir    removed by stop()
 * @property {string}   database  path of the SQLite file inside tmpDir
 * @property {import('node:child_process').ChildProcess} child
 * @property {(p?: string) => string} url  absolute URL for a path
 * @property {() => string} stdout  what the server printed so far (tail)
 * @property {() => string} stderr  what the server logged so far (tail)
 * @property {() => Promise<{code: number|null, signal: string|null}>} stop
 */
export async function startServer(opts = {}) {
  const bin = opts.bin ? path.resolve(opts.bin) : serverBin();
  const shareDir = path.resolve(opts.shareDir || defaultShareDir());
  const readyTimeoutMs = opts.readyTimeoutMs ?? 20_000;

  const tmpDir = mkdtempSync(path.join(tmpdir(), 'ruamkit-e2e-'));
  const database = path.join(tmpDir, 'ruamkit.db');
  if (opts.seedDemo) {
    const seeded = spawnSync(bin, ['seed-demo', '--database', database, '--share-dir', shareDir],
                             { cwd: tmpDir, encoding: 'utf8', env: { ...process.env, ...(opts.env || {}) } });
    if (seeded.status !== 0) {
      rmSync(tmpDir, { recursive: true, force: true });
      throw new Error(`seed-demo failed (${seeded.status}):\n${seeded.stderr}${seeded.stdout}`);
    }
  }
  const args = [
    'serve',
    '--listen', '127.0.0.1:0',
    '--database', database,
    '--share-dir', shareDir,
    '--log-level', opts.logLevel || 'warn',
    ...(opts.extraArgs || []),
  ];

  const child = spawn(bin, args, {
    cwd: tmpDir,
    env: { ...process.env, ...(opts.env || {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);

  const out = new Tail(LOG_LIMIT);
  const err = new Tail(LOG_LIMIT);
  const echo = process.env.E2E_SERVER_LOG === '1';

  // Both pipes are drained for the whole life of the process, so the server
  // never blocks on a full pipe.
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    err.push(chunk);
    if (echo) process.stderr.write(chunk);
  });
  child.stdout.setEncoding('utf8');
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      live.delete(child);
      resolve(exitInfo);
    });
  });

  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    rmSync(tmpDir, { recursive: true, force: true });
  };

  const describe = () =>
    `${bin} ${args.join(' ')}\n--- stderr ---\n${err}${String(out) ? `\n--- stdout ---\n${out}` : ''}`;

  let baseURL;
  try {
    baseURL = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`server did not print its ready line within ${readyTimeoutMs} ms\n${describe()}`));
      }, readyTimeoutMs);
      const fail = (e) => { clearTimeout(timer); reject(e); };

      lines.on('line', (line) => {
        out.push(line + '\n');
        const m = READY_LINE.exec(line.replace(/\r$/, ''));
        if (m && baseURL === undefined) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('error', (e) => fail(new Error(`cannot start ${bin}: ${e.message}`)));
      exited.then(({ code, signal }) => {
        // Give the stderr pipe a moment to deliver the last words.
        setTimeout(() => fail(new Error(
          `server exited before it was ready (code ${code}, signal ${signal})\n${describe()}`)), 50);
      });
    });
  } catch (e) {
    if (child.pid === undefined) {
      live.delete(child); // never started
    } else if (!exitInfo) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    cleanup();
    throw e;
  }

  const { origin, port } = new URL(baseURL);

  let stopping = null;
  async function stop() {
    stopping ??= (async () => {
      if (!exitInfo) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, 10_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
        }
      }
      const info = await exited;
      cleanup();
      return info;
    })();
    return stopping;
  }

  return {
    baseURL,
    origin,
    port: Number(port),
    tmpDir,
    database,
    child,
    url: (p = '/') => new URL(p, baseURL).href,
    stdout: () => String(out),
    stderr: () => String(err),
    stop,
  };
}
