// Journey: the home page in Thai and English, with Buddhist-Era and
// Common-Era dates, the participation-level list, keyboard access and the
// 404 page.
//
//   RUAMKIT_BIN=build/debug/ruamkit node --test tests/e2e/
//
// See support/server.mjs for the environment variables.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { clickAndWaitForNavigation, launchBrowser, watchPage, withContext } from './support/browser.mjs';
import { outFile, startServer } from './support/server.mjs';

const THAI_MONTHS = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
];
const ENGLISH_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const ANY_THAI_MONTH = new RegExp(THAI_MONTHS.join('|'));
const ANY_ENGLISH_MONTH = new RegExp(`\\b(?:${ENGLISH_MONTHS.join('|')})\\b`);

const LEVEL_IDS = ['level-inform', 'level-consult', 'level-involve', 'level-collaborate', 'level-empower'];

const SANITIZER_REPORT = /ERROR: (?:Address|Leak|Thread|Memory)Sanitizer|SUMMARY: \w+Sanitizer|runtime error: /;

const LANG_BUTTON = (lang) => `form.lang-switch button[value="${lang}"]`;

/** Thai digits (๐–๙) to ASCII, and any run of white space to one space. */
function normalise(text) {
  return text
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0E50))
    .replace(/\s+/g, ' ')
    .trim();
}

async function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

/**
 * Reads #today: a <time datetime="YYYY-MM-DD"> near the current date.
 * Returns the date parts and the element's normalised text.
 */
async function readToday(page) {
  const today = page.locator('#today');
  assert.equal(await today.count(), 1, 'exactly one #today');
  assert.equal(await today.evaluate((el) => el.localName), 'time', '#today is a <time>');
  const datetime = await today.getAttribute('datetime');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datetime ?? '');
  assert.ok(m, `#today datetime="${datetime}" is YYYY-MM-DD`);
  const [year, month, day] = m.slice(1).map(Number);
  assert.ok(month >= 1 && month <= 12 && day >= 1 && day <= 31, `#today datetime="${datetime}" is a date`);
  const days = Math.abs(Date.UTC(year, month - 1, day) - Date.now()) / 86_400_000;
  assert.ok(days < 2, `#today datetime="${datetime}" is today`);
  const text = normalise(await today.textContent());
  return { datetime, year, month, day, text };
}

async function assertThaiHome(page) {
  assert.equal(await htmlLang(page), 'th', '<html lang="th">');
  const t = await readToday(page);
  const be = String(t.year + 543);
  assert.ok(t.text.includes(be), `#today "${t.text}" shows the Buddhist-Era year ${be}`);
  assert.match(t.text, ANY_THAI_MONTH, `#today "${t.text}" names a Thai month`);
  assert.ok(t.text.includes(THAI_MONTHS[t.month - 1]),
    `#today "${t.text}" names month ${t.month} (${THAI_MONTHS[t.month - 1]})`);
  assert.ok(t.text.includes(String(t.day)), `#today "${t.text}" shows day ${t.day}`);
  return t;
}

async function assertEnglishHome(page) {
  assert.equal(await htmlLang(page), 'en', '<html lang="en">');
  const t = await readToday(page);
  const ce = String(t.year);
  const be = String(t.year + 543);
  assert.ok(t.text.includes(ce), `#today "${t.text}" shows the Common-Era year ${ce}`);
  assert.ok(!t.text.includes(be), `#today "${t.text}" does not show the Buddhist-Era year ${be}`);
  assert.match(t.text, ANY_ENGLISH_MONTH, `#today "${t.text}" names an English month`);
  assert.ok(t.text.includes(ENGLISH_MONTHS[t.month - 1]),
    `#today "${t.text}" names month ${t.month} (${ENGLISH_MONTHS[t.month - 1]})`);
  assert.doesNotMatch(t.text, ANY_THAI_MONTH, `#today "${t.text}" has no Thai month name`);
  assert.ok(t.text.includes(String(t.day)), `#today "${t.text}" shows day ${t.day}`);
  return t;
}

async function assertLevels(page) {
  const lists = page.locator('ol.levels');
  assert.equal(await lists.count(), 1, 'exactly one ol.levels');
  const items = lists.locator(':scope > li');
  assert.equal(await items.count(), LEVEL_IDS.length, `ol.levels has ${LEVEL_IDS.length} items`);
  const ids = [];
  for (let i = 0; i < LEVEL_IDS.length; i++) {
    ids.push(await items.nth(i).getAttribute('id'));
  }
  assert.deepEqual(ids, LEVEL_IDS, 'participation levels in order');
  for (let i = 0; i < LEVEL_IDS.length; i++) {
    assert.notEqual(normalise(await items.nth(i).textContent()), '', `#${LEVEL_IDS[i]} has text`);
  }
}

async function switchLanguage(page, lang) {
  const button = page.locator(LANG_BUTTON(lang));
  assert.equal(await button.count(), 1, `one ${LANG_BUTTON(lang)}`);
  const response = await clickAndWaitForNavigation(page, button);
  assert.ok(response, `switching to ${lang} loads a new page`);
  assert.equal(response.status(), 200, `switching to ${lang} ends on a 200 page (${response.url()})`);
}

function assertNoProblems(problems) {
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

describe('home', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop(); // a no-op when the last test has stopped it
  });

  test('home page, language switch, BE/CE dates', { timeout: 120_000 }, async () => {
    await withContext(browser, 'home-journey', {}, async (context) => {
      const page = await context.newPage();
      const problems = await watchPage(page);

      const response = await page.goto(server.url('/'));
      assert.equal(response.status(), 200, 'GET / is 200');
      assert.match(response.headers()['content-type'] ?? '', /^text\/html/, 'GET / is HTML');
      assert.notEqual((await page.title()).trim(), '', 'the page has a <title>');

      const { year } = await assertThaiHome(page);
      await assertLevels(page);
      await page.screenshot({ path: outFile('home-th.png'), fullPage: true });

      // The first Tab from a freshly loaded page lands on the skip link.
      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip-link');
      assert.equal(await skip.count(), 1, 'one a.skip-link');
      assert.ok(await skip.evaluate((el) => el === document.activeElement), 'first Tab focuses a.skip-link');
      const target = await skip.getAttribute('href');
      assert.match(target ?? '', /^#./, 'the skip link points into the page');
      assert.equal(await page.locator(`[id="${target.slice(1)}"]`).count(), 1, `the skip link target ${target} exists`);

      await switchLanguage(page, 'en');
      await assertEnglishHome(page);
      await assertLevels(page);
      await page.screenshot({ path: outFile('home-en.png'), fullPage: true });

      // The choice is remembered: by reload, and by a plain visit to /.
      assert.ok((await context.cookies(server.origin)).length > 0, 'the language switch set a cookie');
      await page.reload();
      await assertEnglishHome(page);
      await page.goto(server.url('/'));
      assert.equal((await assertEnglishHome(page)).year, year);

      await switchLanguage(page, 'th');
      await assertThaiHome(page);

      assertNoProblems(problems);
    });
  });

  test('language switch works without JavaScript', { timeout: 60_000 }, async () => {
    await withContext(browser, 'home-nojs', { javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage();
      const problems = await watchPage(page);

      const response = await page.goto(server.url('/'));
      assert.equal(response.status(), 200);
      await assertThaiHome(page);
      await assertLevels(page);

      await switchLanguage(page, 'en');
      await assertEnglishHome(page);
      await page.reload();
      await assertEnglishHome(page);

      await switchLanguage(page, 'th');
      await assertThaiHome(page);

      assertNoProblems(problems);
    });
  });

  test('an unknown path shows a readable 404 page in Thai', { timeout: 60_000 }, async () => {
    await withContext(browser, 'not-found', {}, async (context) => {
      const page = await context.newPage();
      const path = `/no-such-page-${Date.now().toString(36)}`;
      const problems = await watchPage(page, {
        // The document itself is the expected 404 (Chromium also logs it to
        // the console); nothing else may fail.
        ignore: (p) => p.includes(server.url(path)) && /^(HTTP 404: |console error: .*\b404\b)/.test(p),
      });

      const response = await page.goto(server.url(path));
      assert.equal(response.status(), 404, `GET ${path} is 404`);
      assert.match(response.headers()['content-type'] ?? '', /^text\/html/, 'the 404 page is HTML');
      assert.equal(await htmlLang(page), 'th', '<html lang="th">');
      assert.notEqual((await page.title()).trim(), '', 'the 404 page has a <title>');
      const heading = page.locator('h1');
      assert.equal(await heading.count(), 1, 'the 404 page has one <h1>');
      assert.notEqual(normalise(await heading.textContent()), '', 'the <h1> has text');
      assert.ok(await heading.isVisible(), 'the <h1> is visible');
      await page.screenshot({ path: outFile('not-found-th.png'), fullPage: true });

      assertNoProblems(problems);
    });
  });

  // Last: a crash, a sanitizer report (the tests may run an ASan/UBSan build)
  // or an unclean exit anywhere above fails the suite here.
  test('the server stops cleanly on SIGTERM', { timeout: 30_000 }, async () => {
    await browser.close();
    const exit = await server.stop();
    const log = server.stderr();
    assert.doesNotMatch(log, SANITIZER_REPORT, `the server's stderr has a sanitizer report:\n${log}`);
    assert.deepEqual(exit, { code: 0, signal: null }, `the server exits with status 0 on SIGTERM; stderr:\n${log}`);
  });
});
