// Journey (feedback cases): a citizen reports a problem with a photo and a
// location, without an account → an official of the department accepts it,
// assigns it to herself and resolves it with a reply → the citizen follows
// the case with her tracking code and rates the outcome → the department's
// public report counts her rating. Unhappy paths on the way: a report too
// short to act on is refused with what she typed kept; the photo is served
// without the location the camera wrote into it.
//
//   RUAMKIT_BIN=build/debug/ruamkit node --test tests/e2e/

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { signIn } from './support/accounts.mjs';
import { clickAndWaitForNavigation, launchBrowser, watchPage, withContext } from './support/browser.mjs';
import { escapeRegExp, t, tRegExp } from './support/catalogue.mjs';
import { outFile, startServer } from './support/server.mjs';

const OFFICIAL = 'pcd@demo.ruamkit.example';
const RAW_KEY = /\b(?:feedback|errors|workspace)(?:\.[a-z0-9_]+)+\b/;

async function assertNoRawKeys(page, where) {
  const raw = RAW_KEY.exec(await page.locator('body').innerText());
  assert.equal(raw, null, `${where}: the page shows the raw message key "${raw?.[0]}"`);
}

function assertNoProblems(problems, where) {
  assert.deepEqual(problems, [], `${where}: the page reported problems:\n${problems.join('\n')}`);
}

// A JPEG drawn by the browser, with an EXIF segment naming a GPS position
// put in after the start marker, as a phone camera would.
async function photoWithLocation(page, file) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d');
    g.fillStyle = '#7a5';
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = '#333';
    g.fillRect(10, 20, 44, 8);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  const jpeg = Buffer.from(base64, 'base64');
  const payload = Buffer.from('Exif\0\0GPSLatitude 13.7946 GPSLongitude 100.6018', 'latin1');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, payload.length + 2]), payload]);
  writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]));
}

// The refusals this journey provokes on purpose.
const expected422 = { ignore: (problem) => /\b422\b/.test(problem) };

const submit = (page, action) =>
  clickAndWaitForNavigation(page, page.locator(`form[action$="${action}"] button[type="submit"]`).first());

describe('feedback', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ seedDemo: true, extraArgs: ['--login-backoff-ms', '0', '--dev-outbox'] });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a report from the citizen to the fix, rated, and counted in the report', async () => {
    let trackingUrl;
    let caseId;
    const description = 'ท่อระบายน้ำหน้าตลาดส่งกลิ่นเหม็นและมีน้ำเสียสีดำไหลลงคลองทุกเช้า';

    await withContext(browser, 'feedback-citizen', {}, async (ctx) => {
      const page = await ctx.newPage();
      const problems = await watchPage(page, expected422);
      await page.goto(server.url('/organisations/pcd'));
      await clickAndWaitForNavigation(page, page.locator('a[href="/organisations/pcd/feedback"]'));
      await page.selectOption('#field-category', { label: 'น้ำเสียจากโรงงานหรืออาคาร' });

      // Too short to act on: refused, and what she typed stays.
      await page.fill('#field-description', 'เหม็น');
      await page.fill('#field-address', 'ตลาดบางกะปิ ถนนลาดพร้าว');
      await submit(page, '/feedback/reports');
      assert.match(await page.locator('.error-summary').innerText(), tRegExp('errors.form.feedback_description_short'));
      assert.equal(await page.inputValue('#field-address'), 'ตลาดบางกะปิ ถนนลาดพร้าว');

      const photo = path.join(server.tmpDir, 'ท่อ.jpg');
      await photoWithLocation(page, photo);
      await page.fill('#field-description', description);
      await page.fill('#field-lat', '13.7656');
      await page.fill('#field-lon', '100.6443');
      await page.setInputFiles('#field-photo', photo);
      await page.fill('#field-contact_email', 'somsri.e2e@example.com');
      await submit(page, '/feedback/reports');
      assert.match(new URL(page.url()).pathname, /^\/feedback\/track\/RK-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      trackingUrl = new URL(page.url()).pathname;
      assert.match(await page.locator('.notice').innerText(), tRegExp('feedback.track.received_heading'));
      assert.match(await page.locator('.case-status').innerText(), tRegExp('feedback.statuses.received'));

      // The photo is there, without the position the camera wrote.
      const img = page.locator('.case-photos img').first();
      const src = await img.getAttribute('src');
      const response = await page.request.get(server.url(src));
      assert.equal(response.headers()['content-type'], 'image/jpeg');
      const bytes = await response.body();
      assert.equal(bytes.includes('GPSLatitude'), false, 'the location was stripped from the photo');
      assert.equal(bytes[0], 0xff);
      await page.screenshot({ path: outFile('feedback-tracking-received.png'), fullPage: true });
      await assertNoRawKeys(page, 'the tracking page');
      assertNoProblems(problems, 'citizen, reporting');
    });

    await withContext(browser, 'feedback-official', {}, async (ctx) => {
      const page = await ctx.newPage();
      const problems = await watchPage(page, expected422);
      await signIn(page, server, OFFICIAL);
      await page.goto(server.url('/manage'));
      await clickAndWaitForNavigation(page, page.locator('.workspace-list a', { hasText: 'กรมควบคุมมลพิษ' }));
      await clickAndWaitForNavigation(page, page.locator('a.button[href$="/feedback"]'));
      const row = page.locator('table.case-queue tr', { hasText: 'น้ำเสียจากโรงงานหรืออาคาร' }).first();
      await clickAndWaitForNavigation(page, row.locator('a'));
      caseId = new URL(page.url()).pathname.split('/').pop();
      assert.match(await page.locator('.case-description').innerText(), /ท่อระบายน้ำหน้าตลาด/);
      // She handles the organisation's cases (the demo gives her the role),
      // so who reported it is one link away, even before it is assigned.
      assert.equal(await page.locator(`a[href$="/cases/${caseId}/reporter"]`).count(), 1);

      await page.selectOption('#field-assignee', { label: 'เจ้าหน้าที่กรมควบคุมมลพิษ (สาธิต)' });
      await submit(page, '/assign');
      await page.selectOption('#field-status', 'accepted');
      await page.fill('#field-note', 'รับเรื่องแล้ว จะลงพื้นที่ตรวจสอบภายในสัปดาห์นี้');
      await submit(page, '/status');
      await page.selectOption('#field-status', 'in_progress');
      await page.selectOption('#field-stage', 'working');
      await submit(page, '/status');

      // Resolving without a reply is refused.
      await page.selectOption('#field-status', 'resolved');
      await submit(page, '/status');
      assert.match(await page.locator('.error-summary').innerText(), tRegExp('errors.form.feedback_reply_required'));
      await page.selectOption('#field-status', 'resolved');
      await page.fill('#field-note', 'ตรวจพบการปล่อยน้ำเสียจากอาคาร สั่งให้ติดตั้งบ่อดักไขมันแล้ว ผลตรวจซ้ำผ่านเกณฑ์');
      await submit(page, '/status');
      assert.match(await page.locator('.case-status').innerText(), tRegExp('feedback.statuses.resolved'));

      // The contact, when she needs it; that look is logged.
      await clickAndWaitForNavigation(page, page.locator(`a[href$="/cases/${caseId}/reporter"]`));
      assert.match(await page.locator('body').innerText(), /somsri\.e2e@example\.com/);
      await page.screenshot({ path: outFile('feedback-official-reporter.png'), fullPage: true });
      await assertNoRawKeys(page, 'the reporter page');
      assertNoProblems(problems, 'official');
    });

    await withContext(browser, 'feedback-citizen-after', {}, async (ctx) => {
      const page = await ctx.newPage();
      const problems = await watchPage(page);
      // The mail she received points to her tracking page.
      await page.goto(server.url('/dev/outbox'));
      assert.match(await page.locator('body').innerText(), new RegExp(trackingUrl));

      await page.goto(server.url('/feedback/track'));
      await page.fill('#field-code', trackingUrl.split('/').pop().toLowerCase().replaceAll('-', ' '));
      await clickAndWaitForNavigation(page, page.locator('form[action="/feedback/track"] button[type="submit"]'));
      assert.equal(new URL(page.url()).pathname, trackingUrl);
      const timeline = await page.locator('.case-timeline').innerText();
      assert.match(timeline, /สั่งให้ติดตั้งบ่อดักไขมันแล้ว/);
      assert.match(timeline, tRegExp('feedback.stages.working'));
      await page.check('input[name="stars"][value="5"]');
      await page.fill('#field-comment', 'แก้ไขรวดเร็ว ขอบคุณค่ะ');
      await submit(page, '/rating');
      assert.match(await page.locator('.case-timeline').innerText(), tRegExp('feedback.events.rated', { stars: '5' }));
      assert.equal(await page.locator('form[action$="/rating"]').count(), 0, 'a case is rated once');
      await page.screenshot({ path: outFile('feedback-tracking-rated.png'), fullPage: true });

      // The public case page shows the progress but not who reported it.
      await page.goto(server.url(`/feedback/cases/${caseId}`));
      assert.equal((await page.locator('body').innerText()).includes('somsri.e2e'), false);

      // The department's report counts her rating with the demo one (4).
      await page.goto(server.url('/organisations/pcd/feedback/report'));
      const figures = await page.locator('.report-figures').innerText();
      assert.match(figures, /4\.5/);
      assert.match(figures, new RegExp(`${escapeRegExp(t('feedback.report_page.rated'))} 2`));
      const fiveStars = t('feedback.report_page.stars', { count: 5 });
      const stars = page.locator('table', { hasText: fiveStars }).locator('tr', { hasText: fiveStars });
      assert.match(await stars.innerText(), /\b1\b/);
      await page.screenshot({ path: outFile('feedback-report.png'), fullPage: true });
      await assertNoRawKeys(page, 'the report');
      assertNoProblems(problems, 'citizen, after');
    });
  });
});
