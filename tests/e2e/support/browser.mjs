// Launches the system Chromium through playwright-core and records what a
// page reports as going wrong, for end-to-end tests.
//
// Environment:
//   E2E_CHROMIUM  Chromium binary (default /usr/bin/chromium, Debian's package)

import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { outDir, outFile } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Starts a headless Chromium. playwright-core gives every launch a fresh
 * temporary user-data-dir and deletes it on close.
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/** Options for browser.newContext() that every journey shares. */
export const CONTEXT_DEFAULTS = {
  locale: 'th-TH',
  timezoneId: 'Asia/Bangkok',
  viewport: { width: 1280, height: 800 },
};

/**
 * Opens a context, lets `fn` use it and closes it again. A failure leaves a
 * full-page screenshot of each open page in E2E_OUT_DIR as
 * failure-<name>[-n].png.
 */
export async function withContext(browser, name, options, fn) {
  // Screenshots from an earlier failed run would mislead.
  const stale = new RegExp(`^failure-${name.replace(/[^\w-]/g, '\\$&')}(?:-\\d+)?\\.png$`);
  for (const file of readdirSync(outDir())) {
    if (stale.test(file)) rmSync(path.join(outDir(), file), { force: true });
  }
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(15_000);
  try {
    return await fn(context);
  } catch (e) {
    const pages = context.pages();
    for (const [i, page] of pages.entries()) {
      const file = outFile(`failure-${name}${pages.length > 1 ? `-${i + 1}` : ''}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 5_000 }).catch(() => {});
    }
    throw e;
  } finally {
    await context.close().catch(() => {});
  }
}

// Chromium asks for /favicon.ico on its own (no page asked for it) and logs
// a console error when it is missing; that says nothing about the page.
function browserNoise(what) {
  return /^console error: Failed to load resource: .*\(https?:\/\/[^/]+\/favicon\.ico:\d+\)$/.test(what);
}

/**
 * Records console errors, uncaught page errors, Content-Security-Policy
 * violations and failed same-origin requests of a page. Call before the
 * first navigation. `problems` is a live array of human-readable strings;
 * `ignore` takes a predicate over those strings for expected noise (a
 * missing /favicon.ico, which Chromium fetches by itself, is always ignored).
 */
export async function watchPage(page, { ignore = () => false } = {}) {
  const problems = [];
  const add = (what) => { if (!ignore(what) && !browserNoise(what)) problems.push(what); };

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const { url, lineNumber } = msg.location();
    add(`console error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => add(`page error: ${error.stack || error.message}`));
  page.on('requestfailed', (request) => {
    add(`request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      add(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });

  // Chromium also logs CSP violations to the console; the DOM event catches
  // report-only policies and anything a console filter might miss. (Pages in
  // a context with JavaScript disabled run no init script, so there the
  // console is the only source.)
  await page.exposeBinding('__e2eReportCspViolation', (_source, v) => {
    add(`CSP violation: ${v.effectiveDirective} blocked ${v.blockedURI || '(inline)'}` +
        ` in ${v.sourceFile || v.documentURI}:${v.lineNumber} (${v.disposition})`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__e2eReportCspViolation?.({
        effectiveDirective: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        documentURI: e.documentURI,
        lineNumber: e.lineNumber,
        disposition: e.disposition,
      });
    });
  });

  return problems;
}

/**
 * Clicks something that submits a form or follows a link and waits until the
 * new document has loaded. Resolves with the final main-resource response
 * (after redirects).
 */
export async function clickAndWaitForNavigation(page, locator) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    locator.click(),
  ]);
  return response;
}
