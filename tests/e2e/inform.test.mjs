// Journey (the "inform" level): an official of the Pollution Control
// Department creates a participatory process with phases and publishes it,
// publishes an announcement in it with a PDF attached; a visitor finds the
// announcement by a Thai search (words written without spaces) and opens the
// document. Unhappy paths: an HTML file named .pdf is refused; a draft is
// not found by the public.
//
//   RUAMKIT_BIN=build/debug/ruamkit node --test tests/e2e/
//
// The server starts on a database with the demo data (seed-demo).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { clickAndWaitForNavigation, launchBrowser, watchPage, withContext } from './support/browser.mjs';
import { signIn } from './support/accounts.mjs';
import { t, tRegExp } from './support/catalogue.mjs';
import { outFile, startServer } from './support/server.mjs';

const OFFICIAL = 'pcd@demo.ruamkit.example';

// Words no demo page contains, so that search finds only what this test
// published: "durian orchards" and "mangosteen" in Thai.
const PROCESS_TITLE = 'แผนฟื้นฟูสวนทุเรียนริมน้ำ จังหวัดเชียงใหม่';
const ANNOUNCEMENT_TITLE = 'เชิญร่วมเวทีฟื้นฟูสวนทุเรียนและมังคุดริมน้ำ';
const SEARCH_WORD = 'มังคุด';
const DOCUMENT_TITLE = 'ร่างแผนฟื้นฟูสวนผลไม้';

/** A tiny but well-formed one-page PDF. */
function minimalPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** YYYY-MM-DD of today + `days` in Thailand. */
function day(days) {
  const when = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return when.toISOString().slice(0, 10);
}

// A message-catalogue key shown instead of its text (the catalogue returns
// the key itself when a message is missing).
const RAW_KEY = /\b(?:spaces|pages|documents|workspace|feeds|directory|search|nav|paging|errors)(?:\.[a-z0-9_]+)+\b/;

async function assertNoRawKeys(page, where) {
  const raw = RAW_KEY.exec(await page.locator('body').innerText());
  assert.equal(raw, null, `${where}: the page shows the raw message key "${raw?.[0]}"`);
}

function assertNoProblems(problems, where) {
  assert.deepEqual(problems, [], `${where}: the page reported problems:\n${problems.join('\n')}`);
}

describe('inform', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ seedDemo: true, extraArgs: ['--login-backoff-ms', '0'] });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an official publishes a process and an announcement with a document; a visitor finds it by a Thai search', async () => {
    const pdfPath = path.join(server.tmpDir, 'แผนฟื้นฟู.pdf');
    writeFileSync(pdfPath, minimalPdf());
    const fakePdf = path.join(server.tmpDir, 'report.pdf');
    writeFileSync(fakePdf, '<!doctype html><html><body><script>alert(1)</script></body></html>');

    let announcementUrl;
    let processUrl;
    await withContext(browser, 'inform-official', {}, async (context) => {
      const page = await context.newPage();
      // The 415 page for the refused upload is expected; nothing else may fail.
      const problems = await watchPage(page, { ignore: (p) => /(^HTTP 415: POST |status of 415 .*\()\S*\/manage\/documents/.test(p) });

      await signIn(page, server, OFFICIAL);
      await page.goto(server.url('/'));

      // The workspace (linked from the header) lists the organisation the
      // official publishes for.
      await clickAndWaitForNavigation(page, page.locator('nav.account-nav a[href="/manage"]'));
      await clickAndWaitForNavigation(page, page.getByRole('link', { name: 'กรมควบคุมมลพิษ', exact: true }));
      await clickAndWaitForNavigation(page, page.locator('a[href$="spaces/new?kind=process"]'));

      // A process with its level, stage, topics and province.
      await page.fill('#field-title', PROCESS_TITLE);
      await page.fill('#field-summary', 'ร่วมกำหนดแนวทางฟื้นฟูสวนผลไม้ริมน้ำหลังน้ำท่วม');
      await page.fill('#field-body', '## ความเป็นมา\n\nสวนผลไม้ริมน้ำได้รับความเสียหายจากน้ำท่วม');
      await page.selectOption('#field-level', 'consult');
      await page.check('#choice-stages-planning');
      await page.check('#choice-topics-agriculture');
      await page.selectOption('#field-scope', 'province');
      await page.selectOption('#field-province_code', 'TH-50');
      await clickAndWaitForNavigation(page, page.locator('form[action$="/spaces"] button[type="submit"]'));
      assert.match(new URL(page.url()).pathname, /^\/manage\/spaces\/\d+$/);
      const spaceManage = new URL(page.url()).pathname;
      processUrl = spaceManage.replace('/manage/spaces/', '/processes/');

      // Two phases: one now, one later.
      for (const [title, from, to] of [['รับฟังความคิดเห็น', day(-2), day(12)], ['สรุปแนวทาง', day(13), day(40)]]) {
        await page.fill('#field-phase-title', title);
        await page.fill('#field-phase-starts_on', from);
        await page.fill('#field-phase-ends_on', to);
        await clickAndWaitForNavigation(page, page.locator('form[action$="/phases"] button[type="submit"]'));
      }
      assert.equal(await page.locator('#phases tbody tr').count(), 2);
      await assertNoRawKeys(page, 'the process in the workspace');

      // Still a draft: the public does not find it.
      const stranger = await browser.newContext();
      assert.equal((await stranger.request.get(server.url(processUrl))).status(), 404,
        'a draft process is not public');
      await stranger.close();

      await clickAndWaitForNavigation(page, page.locator('form[action$="/status"] button', { hasText: t('spaces.manage.to_published') }));
      assert.match(await page.locator('.notice').innerText(), tRegExp('workspace.notices.published'));

      // An announcement inside the process.
      await clickAndWaitForNavigation(page, page.locator('#pages a', { hasText: t('workspace.new_announcement') }));
      await page.fill('#field-title', ANNOUNCEMENT_TITLE);
      await page.fill('#field-body', 'ขอเชิญชาวสวนทุเรียนและมังคุดร่วมเวทีรับฟังความคิดเห็น ณ ที่ว่าการอำเภอ');
      await clickAndWaitForNavigation(page, page.locator('form[action$="/pages"] button[type="submit"]'));
      assert.match(new URL(page.url()).pathname, /^\/manage\/pages\/\d+$/);
      announcementUrl = new URL(page.url()).pathname.replace('/manage', '');

      // An HTML file named .pdf is refused, whatever its name says.
      await page.setInputFiles('#field-document-file', fakePdf);
      const refused = await clickAndWaitForNavigation(page, page.locator('form[action="/manage/documents"] button[type="submit"]'));
      assert.equal(refused.status(), 415);
      assert.match(await page.locator('main').innerText(), tRegExp('documents.refused_type'));
      await page.goBack();

      // A real PDF is attached.
      await page.goto(server.url(`/manage${announcementUrl}`));
      await page.fill('#field-document-title', DOCUMENT_TITLE);
      await page.setInputFiles('#field-document-file', pdfPath);
      await clickAndWaitForNavigation(page, page.locator('form[action="/manage/documents"] button[type="submit"]'));
      assert.match(await page.locator('.notice').innerText(), tRegExp('workspace.notices.uploaded'));
      assert.equal(await page.locator('.document__link', { hasText: DOCUMENT_TITLE }).count(), 1);
      await assertNoRawKeys(page, 'the announcement editor');

      await clickAndWaitForNavigation(page, page.locator(`form[action$="/status"] button`, { hasText: t('pages.publish') }));
      await page.screenshot({ path: outFile('inform-official-announcement.png'), fullPage: true });

      // The public page of the process marks the current phase.
      await page.goto(server.url(processUrl));
      const current = page.locator('.phase[aria-current="step"]');
      assert.equal(await current.count(), 1);
      assert.match(await current.innerText(), /รับฟังความคิดเห็น/);
      await assertNoRawKeys(page, 'the public process');
      await page.screenshot({ path: outFile('inform-process.png'), fullPage: true });
      assertNoProblems(problems, 'official');
    });

    await withContext(browser, 'inform-visitor', {}, async (context) => {
      const page = await context.newPage();
      const problems = await watchPage(page);
      await page.goto(server.url('/search'));
      await page.fill('#field-q', SEARCH_WORD);
      await clickAndWaitForNavigation(page, page.locator('form[action="/search"] button[type="submit"]'));
      // มังคุด sits inside a run of Thai without spaces: found by segmentation.
      const hit = page.locator('.search-results a', { hasText: 'มังคุด' });
      assert.equal(await hit.count(), 1, 'one result for the Thai word');
      assert.match(await page.locator('.search-results mark').first().innerText(), /มังคุด/);
      await page.screenshot({ path: outFile('inform-search.png'), fullPage: true });
      await clickAndWaitForNavigation(page, hit);
      assert.equal(new URL(page.url()).pathname, announcementUrl);
      assert.equal(await page.locator('h1').innerText(), ANNOUNCEMENT_TITLE);
      assert.match(await page.locator('.breadcrumb').innerText(), /ฟื้นฟูสวนทุเรียน/);
      await assertNoRawKeys(page, 'the public announcement');

      // The document: the right type and bytes, shown inline (a PDF), never as HTML.
      const link = page.locator('.document__link', { hasText: DOCUMENT_TITLE });
      const href = await link.getAttribute('href');
      const response = await context.request.get(server.url(href));
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      assert.match(response.headers()['content-disposition'], /^inline; filename=/);
      assert.equal(response.headers()['x-content-type-options'], 'nosniff');
      assert.ok((await response.body()).equals(minimalPdf()), 'the same bytes as uploaded');

      // The announcement is in the site-wide feed.
      const feed = await context.request.get(server.url('/feed.atom'));
      assert.match(await feed.text(), new RegExp(ANNOUNCEMENT_TITLE));
      assertNoProblems(problems, 'visitor');
    });
  });
});
