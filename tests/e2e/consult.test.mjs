// Journey (the "consult" level): an official opens a hearing on a
// three-section draft → two citizens comment → the hearing closes → the
// official publishes the summary with a revised draft → a citizen sees the
// response to her comment and what changed in the text. The hearing "closes"
// by moving its dates into the past in the database (the sqlite3 tool), as
// time would.
//
//   RUAMKIT_BIN=build/debug/ruamkit node --test tests/e2e/

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { signIn } from './support/accounts.mjs';
import { clickAndWaitForNavigation, launchBrowser, watchPage, withContext } from './support/browser.mjs';
import { t, tRegExp } from './support/catalogue.mjs';
import { outFile, startServer } from './support/server.mjs';

const OFFICIAL = 'pcd@demo.ruamkit.example';
const CITIZEN = 'citizen@demo.ruamkit.example';
const HEARING_TITLE = 'ร่างประกาศจังหวัดเรื่องการห้ามเผาในที่โล่ง';
const SECOND = { email: 'e2e-somchai@example.com', name: 'สมชาย ใจดี', password: 'ลำไย-Somchai-2569-e2e' };

const RAW_KEY = /\b(?:hearings|comments|notifications|spaces|workspace|errors)(?:\.[a-z0-9_]+)+\b/;

async function assertNoRawKeys(page, where) {
  const raw = RAW_KEY.exec(await page.locator('body').innerText());
  assert.equal(raw, null, `${where}: the page shows the raw message key "${raw?.[0]}"`);
}

function assertNoProblems(problems, where) {
  assert.deepEqual(problems, [], `${where}: the page reported problems:\n${problems.join('\n')}`);
}

const submit = (page, action) =>
  clickAndWaitForNavigation(page, page.locator(`form[action$="${action}"] button[type="submit"]`).first());

describe('consult', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ seedDemo: true, extraArgs: ['--login-backoff-ms', '0'] });
    // A second citizen, made as an operator would (the command line).
    execFileSync(process.env.RUAMKIT_BIN, ['user', 'create', '--database', server.database,
      '--email', SECOND.email, '--name', SECOND.name], { env: { ...process.env, RUAMKIT_PASSWORD: SECOND.password } });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a hearing from draft to summary, with the citizens\' comments answered', async () => {
    await withContext(browser, 'consult-official', {}, async (official) => {
      const page = await official.newPage();
      const problems = await watchPage(page);
      await signIn(page, server, OFFICIAL);

      // A hearing on a three-section draft regulation, in the demo PM2.5 process.
      await page.goto(server.url('/manage/spaces/2'));
      await clickAndWaitForNavigation(page, page.locator('a[href="/manage/spaces/2/hearings/new"]'));
      await page.fill('#field-hearing-title', HEARING_TITLE);
      await page.selectOption('#field-hearing-draft_kind', 'regulation');
      await page.fill('#field-hearing-explanatory_note', 'ร่างนี้กำหนดช่วงห้ามเผาและบทลงโทษ');
      await submit(page, '/hearings');
      const manage = new URL(page.url()).pathname;
      assert.match(manage, /^\/manage\/hearings\/\d+$/);
      const id = manage.split('/').pop();
      const sections = [
        ['ข้อ 1 ช่วงเวลาห้ามเผา', 'ห้ามเผาในที่โล่งตั้งแต่วันที่ 1 มกราคม ถึงวันที่ 30 เมษายน'],
        ['ข้อ 2 ข้อยกเว้น', 'การเผาเพื่อพิธีกรรมทางศาสนาได้รับยกเว้น'],
        ['ข้อ 3 บทลงโทษ', 'ผู้ฝ่าฝืนต้องระวางโทษปรับไม่เกินห้าพันบาท'],
      ];
      for (const [heading, body] of sections) {
        await page.fill('#field-section-heading', heading);
        await page.fill('#field-section-body', body);
        await submit(page, '/sections');
      }
      assert.equal(await page.locator('.section-list li').count(), 3);
      await submit(page, '/publish');
      assert.match(await page.locator('.notice').innerText(), tRegExp('workspace.notices.published'));
      await assertNoRawKeys(page, 'the hearing in the workspace');
      assertNoProblems(problems, 'official, opening');

      // Two citizens take part.
      let herComment;
      await withContext(browser, 'consult-citizen-a', {}, async (ctx) => {
        const p = await ctx.newPage();
        const pp = await watchPage(p);
        await signIn(p, server, CITIZEN);
        await p.goto(server.url(`/hearings/${id}`));
        assert.match(await p.locator('.hearing-state').innerText(), tRegExp('hearings.states.open'));
        const first = p.locator('.hearing-section').first();
        await first.locator('summary').click();
        await first.locator('textarea[name="body"]').fill('ควรเริ่มห้ามเผาตั้งแต่เดือนธันวาคม เพราะฝุ่นเริ่มสูงก่อนปีใหม่');
        await first.locator('select[name="stance"]').selectOption('disagree');
        await clickAndWaitForNavigation(p, first.locator('form[action="/comments"] button[type="submit"]'));
        herComment = new URL(p.url()).hash.replace('#comment-', '');
        assert.match(herComment, /^\d+$/);
        assert.match(await p.locator(`#comment-${herComment}`).innerText(), tRegExp('comments.stances.disagree'));
        await assertNoRawKeys(p, 'the hearing with a comment');
        assertNoProblems(pp, 'citizen A');
      });
      await withContext(browser, 'consult-citizen-b', {}, async (ctx) => {
        const p = await ctx.newPage();
        const pp = await watchPage(p);
        await signIn(p, server, SECOND.email, SECOND.password);
        await p.goto(server.url(`/hearings/${id}`));
        const whole = p.locator('#whole');
        await whole.locator('textarea[name="body"]').fill('เห็นด้วยกับร่างนี้ ขอให้มีช่องทางแจ้งเหตุการเผา');
        await whole.locator('select[name="stance"]').selectOption('agree');
        await clickAndWaitForNavigation(p, whole.locator('form[action="/comments"] button[type="submit"]'));
        assert.match(await p.locator('#whole').innerText(), /สมชาย ใจดี/);
        assertNoProblems(pp, 'citizen B');
      });

      // Time passes: the hearing period is over.
      execFileSync('sqlite3', [server.database,
        `UPDATE hearings SET opens_on = date('now', '-31 days'), closes_on = date('now', '-2 days') WHERE id = ${id};`]);

      // The summary: a revised text, the issue with the response, published.
      await page.goto(server.url(manage));
      await submit(page, '/revision');
      const editable = page.locator('.section-list').last().locator('a', { hasText: t('spaces.manage.edit') }).first();
      await clickAndWaitForNavigation(page, editable);
      await page.fill('#field-section-body', 'ห้ามเผาในที่โล่งตั้งแต่วันที่ 1 ธันวาคม ถึงวันที่ 30 เมษายน');
      await submit(page, page.url().replace(server.origin, '').split('?')[0]);
      await page.fill('#field-version-note', 'เลื่อนวันเริ่มห้ามเผาเป็น 1 ธันวาคม ตามความคิดเห็นของประชาชน');
      await submit(page, '/version-note');
      await page.fill('#field-issue-title', 'ช่วงเวลาห้ามเผาควรเริ่มเร็วขึ้น');
      await page.fill('#field-issue-response', 'เห็นด้วย และได้เลื่อนวันเริ่มเป็น 1 ธันวาคม');
      await page.fill('#field-issue-reasons', 'ข้อมูลคุณภาพอากาศแสดงว่าฝุ่นเริ่มสูงในเดือนธันวาคม');
      await page.selectOption('#field-issue-outcome', 'changed');
      await page.check(`#choice-issue-comments-${herComment}`);
      await submit(page, '/issues');
      await page.fill('#field-summary-summary', 'มีผู้แสดงความคิดเห็น 2 คน หน่วยงานได้ปรับร่างตามความคิดเห็น');
      await submit(page, '/summary');
      await submit(page, '/summary/publish');
      assert.match(await page.locator('.notice').innerText(), tRegExp('workspace.notices.reported'));
      await page.screenshot({ path: outFile('consult-official-report.png'), fullPage: true });
      assertNoProblems(problems, 'official, summary');

      // She hears of it, sees the response beside her comment, and what changed.
      await withContext(browser, 'consult-citizen-a-after', {}, async (ctx) => {
        const p = await ctx.newPage();
        const pp = await watchPage(p);
        await signIn(p, server, CITIZEN);
        await clickAndWaitForNavigation(p, p.locator('nav.account-nav a[href="/notifications"]'));
        const note = p.locator('.notification a', { hasText: t('notifications.kinds.hearing_summary', { title: HEARING_TITLE }) });
        assert.equal(await note.count(), 1, 'the summary notification is in her inbox');
        await clickAndWaitForNavigation(p, note);
        const report = p.locator('#report');
        assert.match(await report.innerText(), /เห็นด้วย และได้เลื่อนวันเริ่มเป็น 1 ธันวาคม/);
        assert.match(await report.locator('.issue__mine').innerText(), tRegExp('hearings.your_comment'));
        await p.screenshot({ path: outFile('consult-report.png'), fullPage: true });
        await clickAndWaitForNavigation(p, p.locator('a', { hasText: t('hearings.see_changes') }));
        assert.match(await p.locator('.diff del').first().innerText(), /มกราคม/);
        assert.match(await p.locator('.diff ins').first().innerText(), /ธันวาคม/);
        await p.screenshot({ path: outFile('consult-changes.png'), fullPage: true });
        await assertNoRawKeys(p, 'the changes');
        assertNoProblems(pp, 'citizen A, after');
      });
    });
  });
});
