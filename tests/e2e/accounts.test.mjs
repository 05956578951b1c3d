// Journey: register → open the verification mail in the development outbox
// → log in → change language → log out, in Thai first; and the unhappy
// paths: a too-short password, a wrong password, a verification link used
// twice.
//
//   RUAMKIT_BIN=build/debug/ruamkit node --test tests/e2e/
//
// The server runs with --dev-outbox (queued mail is readable at /dev/outbox)
// and --login-backoff-ms 0 (failed log-ins do not slow the next attempt).
// See support/server.mjs for the environment variables.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { clickAndWaitForNavigation, launchBrowser, watchPage, withContext } from './support/browser.mjs';
import { outFile, startServer } from './support/server.mjs';

const SANITIZER_REPORT = /ERROR: (?:Address|Leak|Thread|Memory)Sanitizer|SUMMARY: \w+Sanitizer|runtime error: /;

// A message-catalogue key shown instead of its text (the catalogue returns
// the key itself when a message is missing), e.g. "accounts.register.heading".
const RAW_KEY = /\b(?:accounts|errors|forms|nav|layout|site|locale|mail|dev|privacy|home|levels|stages)(?:\.[a-z0-9_]+)+\b/;

const THAI = /[\u0E00-\u0E7F]/;

const LANG_BUTTON = (lang) => `form.lang-switch button[value="${lang}"]`;
const LOGOUT_BUTTON = 'form[action="/logout"] button';
const ACCOUNT_NAV = 'nav.account-nav';

const FIELD = {
  email: '#field-email',
  name: '#field-display_name',
  password: '#field-password',
  consent: '#field-consent',
};

/** A fresh person for each test of each run. */
function newPerson(tag) {
  const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  return {
    email: `e2e-${tag}-${id}@example.com`, // lower case: the server folds addresses to lower case
    name: 'สมหญิง ทดสอบ',
    password: `ริมคลอง-Lamyai-${randomBytes(3).toString('hex')}`,
  };
}

/** Any run of white space to one space. */
function normalise(text) {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

function assertNoProblems(problems, where) {
  assert.deepEqual(problems, [], `${where}: the page reported problems:\n${problems.join('\n')}`);
}

/**
 * What every page must be: the expected language, a <title>, exactly one
 * visible, non-empty <h1>, and no message-catalogue key shown raw. Returns
 * the <h1>'s text.
 */
async function assertPage(page, { lang, where }) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, `${where}: <html lang="${lang}">`);
  const title = normalise(await page.title());
  assert.notEqual(title, '', `${where}: the page has a <title>`);
  assert.doesNotMatch(title, RAW_KEY, `${where}: the <title> "${title}" shows a raw message key`);
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1, `${where}: exactly one <h1>`);
  assert.ok(await h1.isVisible(), `${where}: the <h1> is visible`);
  const heading = normalise(await h1.textContent());
  assert.notEqual(heading, '', `${where}: the <h1> has text`);
  const text = await page.locator('body').innerText();
  const raw = RAW_KEY.exec(text);
  assert.equal(raw, null, `${where}: the page shows the raw message key "${raw?.[0]}"`);
  const labelled = await page.locator('[aria-label]').evaluateAll(
    (els) => els.map((el) => el.getAttribute('aria-label')));
  for (const label of labelled) {
    assert.notEqual(normalise(label), '', `${where}: an aria-label is empty`);
    assert.doesNotMatch(label, RAW_KEY, `${where}: aria-label "${label}" is a raw message key`);
  }
  return heading;
}

/** Every form control named in `ids` has exactly one non-empty <label for>. */
async function assertLabelled(page, ids, where) {
  for (const id of ids) {
    const control = page.locator(id);
    assert.equal(await control.count(), 1, `${where}: exactly one ${id}`);
    const label = page.locator(`label[for="${id.slice(1)}"]`);
    assert.equal(await label.count(), 1, `${where}: ${id} has one <label for>`);
    const text = normalise(await label.textContent());
    assert.notEqual(text, '', `${where}: the label of ${id} has text`);
    assert.doesNotMatch(text, RAW_KEY, `${where}: the label of ${id} is a raw message key`);
  }
}

/** The header when signed out: log-in and register links, no log-out button. */
async function assertSignedOut(page, where) {
  const nav = page.locator(ACCOUNT_NAV);
  assert.equal(await nav.count(), 1, `${where}: one ${ACCOUNT_NAV}`);
  assert.equal(await nav.locator('a[href="/login"]').count(), 1, `${where}: the header links to /login`);
  assert.equal(await nav.locator('a[href="/register"]').count(), 1, `${where}: the header links to /register`);
  assert.equal(await page.locator(LOGOUT_BUTTON).count(), 0, `${where}: no log-out button`);
}

/** The header when signed in: the person's name (linking to /account) and a log-out button. */
async function assertSignedIn(page, person, where) {
  const nav = page.locator(ACCOUNT_NAV);
  assert.equal(await nav.count(), 1, `${where}: one ${ACCOUNT_NAV}`);
  const me = nav.locator('a[href="/account"]');
  assert.equal(await me.count(), 1, `${where}: the header links to /account`);
  assert.equal(normalise(await me.textContent()), person.name, `${where}: the header shows the display name`);
  const logout = page.locator(LOGOUT_BUTTON);
  assert.equal(await logout.count(), 1, `${where}: one log-out button`);
  assert.ok(await logout.isVisible(), `${where}: the log-out button is visible`);
  assert.notEqual(normalise(await logout.textContent()), '', `${where}: the log-out button has text`);
  assert.equal(await nav.locator('a[href="/login"], a[href="/register"]').count(), 0,
    `${where}: no log-in or register link while signed in`);
}

/** The /account page of `person`. */
async function assertAccountPage(page, person, lang, where) {
  assert.equal(pathOf(page), '/account', `${where}: on /account (${page.url()})`);
  await assertPage(page, { lang, where });
  await assertSignedIn(page, person, where);
  const details = normalise(await page.locator('main').innerText());
  assert.ok(details.includes(person.name), `${where}: /account shows the display name`);
  assert.ok(details.includes(person.email), `${where}: /account shows the e-mail address`);
}

/** GET /account while signed out ends on the log-in page. */
async function assertAccountNeedsLogin(page, server, lang, where) {
  const response = await page.goto(server.url('/account'));
  assert.equal(pathOf(page), '/login', `${where}: /account redirects to /login (${page.url()})`);
  assert.equal(response.status(), 200, `${where}: the log-in page is 200`);
  const chain = [];
  for (let r = response.request().redirectedFrom(); r; r = r.redirectedFrom()) chain.push(r);
  assert.ok(chain.some((r) => new URL(r.url()).pathname === '/account'),
    `${where}: the log-in page was reached by a redirect from /account`);
  await assertPage(page, { lang, where });
  await assertSignedOut(page, where);
}

/** Fills and submits the registration form on the current page. */
async function submitRegistration(page, person, { consent = true } = {}) {
  await page.locator(FIELD.email).fill(person.email);
  await page.locator(FIELD.name).fill(person.name);
  await page.locator(FIELD.password).fill(person.password);
  if (consent) await page.locator(FIELD.consent).check();
  const submit = page.locator('form[action="/register"] button[type="submit"]');
  assert.equal(await submit.count(), 1, 'one submit button on the registration form');
  return clickAndWaitForNavigation(page, submit);
}

/** Registers `person` from /register and checks the "check your e-mail" page. */
async function register(page, server, person, where) {
  const response = await page.goto(server.url('/register'));
  assert.equal(response.status(), 200, `${where}: GET /register is 200`);
  const sent = await submitRegistration(page, person);
  assert.equal(sent.status(), 200, `${where}: registering ends on a 200 page (${sent.url()})`);
  const heading = await assertPage(page, { lang: 'th', where });
  assert.equal(await page.locator('.error-summary').count(), 0, `${where}: no error summary`);
  assert.ok(normalise(await page.locator('main').innerText()).includes(person.email),
    `${where}: the "check your e-mail" page names the address (h1 "${heading}")`);
  return heading;
}

/**
 * Opens /dev/outbox and returns the verification link of the newest mail to
 * `email`.
 */
async function verificationLink(page, server, email, where) {
  const response = await page.goto(server.url('/dev/outbox'));
  assert.equal(response.status(), 200, `${where}: GET /dev/outbox is 200`);
  const mails = page.locator('article.outbox-mail')
    .filter({ has: page.locator('.outbox-mail__to', { hasText: email }) });
  assert.ok(await mails.count() >= 1, `${where}: the outbox has a mail to ${email}`);
  const mail = mails.first(); // newest first
  const to = normalise(await mail.locator('.outbox-mail__to').textContent());
  assert.equal(to, email, `${where}: the mail is addressed to ${email}`);
  assert.notEqual(normalise(await mail.locator('.outbox-mail__subject').textContent()), '',
    `${where}: the mail has a subject`);
  const body = await mail.locator('pre.outbox-mail__body').textContent();
  const links = body.match(/https?:\/\/[^\s<>"]+\/verify-email\?token=[A-Za-z0-9_-]+/g) ?? [];
  assert.equal(links.length, 1, `${where}: the mail body has one verification link:\n${body}`);
  const link = new URL(links[0]);
  assert.equal(link.origin, server.origin, `${where}: the link points at this server`);
  return link.href;
}

/**
 * Visits a verification link. A valid link shows a confirmation button (mail
 * scanners that open links must not verify anything); it is pressed. Checks
 * the outcome page.
 */
async function openVerificationLink(page, link, { status, where }) {
  const response = await page.goto(link);
  assert.equal(response.status(), status, `${where}: GET ${new URL(link).pathname} is ${status}`);
  if (status === 200) {
    await assertPage(page, { lang: 'th', where: `${where} (confirm)` });
    const button = page.locator('form[action="/verify-email"] button[type="submit"]');
    assert.equal(await button.count(), 1, `${where}: the page has one confirm button`);
    const confirmed = await clickAndWaitForNavigation(page, button);
    assert.equal(confirmed.status(), 200, `${where}: confirming is 200`);
  }
  const heading = await assertPage(page, { lang: 'th', where });
  const next = page.locator('main a[href="/login"]');
  assert.equal(await next.count(), 1, `${where}: the page links to /login`);
  return heading;
}

/** Logs in from /login; resolves with the final response. */
async function logIn(page, server, email, password) {
  await page.goto(server.url('/login'));
  await assertLabelled(page, [FIELD.email, FIELD.password], 'log-in form');
  await page.locator(FIELD.email).fill(email);
  await page.locator(FIELD.password).fill(password);
  return clickAndWaitForNavigation(page, page.locator('form[action="/login"] button[type="submit"]'));
}

async function switchLanguage(page, lang) {
  const button = page.locator(LANG_BUTTON(lang));
  assert.equal(await button.count(), 1, `one ${LANG_BUTTON(lang)}`);
  const response = await clickAndWaitForNavigation(page, button);
  assert.ok(response, `switching to ${lang} loads a new page`);
  assert.equal(response.status(), 200, `switching to ${lang} ends on a 200 page (${response.url()})`);
  return response;
}

/** Expected 4xx documents the unhappy paths provoke (and Chromium's console line about them). */
function expected(server, status, path) {
  const url = server.url(path);
  return (p) => p.includes(url) &&
    (p.startsWith(`HTTP ${status}: `) || (p.startsWith('console error: ') && p.includes(`status of ${status}`)));
}

describe('accounts', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ extraArgs: ['--dev-outbox', '--login-backoff-ms', '0'] });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop(); // a no-op when the last test has stopped it
  });

  const inContext = (name, fn) => withContext(browser, name, {}, fn);

  test('register, verify the e-mail, log in, change language, log out', { timeout: 180_000 }, async () => {
    const person = newPerson('journey');
    await inContext('accounts-journey', async (context) => {
      const page = await context.newPage();
      const problems = await watchPage(page);

      // Home → the header's register link.
      let response = await page.goto(server.url('/'));
      assert.equal(response.status(), 200, 'GET / is 200');
      await assertPage(page, { lang: 'th', where: 'home' });
      await assertSignedOut(page, 'home');
      response = await clickAndWaitForNavigation(page, page.locator(`${ACCOUNT_NAV} a[href="/register"]`));
      assert.equal(response.status(), 200, 'GET /register is 200');
      assert.equal(pathOf(page), '/register', 'the header link leads to /register');
      const registerHeading = await assertPage(page, { lang: 'th', where: 'register' });
      assert.match(registerHeading, THAI, `the register heading "${registerHeading}" is Thai`);
      await assertLabelled(page, Object.values(FIELD), 'register');
      assert.equal(await page.locator(FIELD.password).getAttribute('type'), 'password', 'the password is masked');
      assert.equal(await page.locator(FIELD.password).getAttribute('autocomplete'), 'new-password',
        'the password field asks for a new password');
      assert.equal(await page.locator(FIELD.consent).getAttribute('type'), 'checkbox', 'consent is a checkbox');
      assert.equal(await page.locator(FIELD.consent).isChecked(), false, 'consent is not pre-ticked');
      assert.equal(await page.locator('main a[href="/privacy"]').count(), 1, 'the form links to the privacy notice');

      // Keyboard: the first Tab lands on the skip link, which points at <main>.
      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip-link');
      assert.equal(await skip.count(), 1, 'one a.skip-link');
      assert.ok(await skip.evaluate((el) => el === document.activeElement), 'first Tab focuses a.skip-link');
      const target = await skip.getAttribute('href');
      assert.match(target ?? '', /^#./, 'the skip link points into the page');
      assert.equal(await page.locator(`[id="${target.slice(1)}"]`).count(), 1, `the skip link target ${target} exists`);
      await page.screenshot({ path: outFile('register-th.png'), fullPage: true });
      assertNoProblems(problems, 'register');

      // Submit: "check your e-mail".
      response = await submitRegistration(page, person);
      assert.equal(response.status(), 200, `registering ends on a 200 page (${response.url()})`);
      const sentHeading = await assertPage(page, { lang: 'th', where: 'registered' });
      assert.notEqual(sentHeading, registerHeading, 'the page after registering is not the form again');
      assert.equal(await page.locator('.error-summary').count(), 0, 'no error summary after registering');
      assert.equal(await page.locator(FIELD.password).count(), 0, 'no password field after registering');
      assert.ok(normalise(await page.locator('main').innerText()).includes(person.email),
        'the "check your e-mail" page names the address');
      await assertSignedOut(page, 'registered');
      assertNoProblems(problems, 'registered');

      // The verification mail, in the development outbox.
      const link = await verificationLink(page, server, person.email, 'outbox');
      await assertPage(page, { lang: 'th', where: 'outbox' });
      await page.screenshot({ path: outFile('outbox.png'), fullPage: true });
      assertNoProblems(problems, 'outbox');

      await openVerificationLink(page, link, { status: 200, where: 'verify' });
      assertNoProblems(problems, 'verify');

      // Log in: lands on /account.
      response = await logIn(page, server, person.email, person.password);
      assert.equal(response.status(), 200, `logging in ends on a 200 page (${response.url()})`);
      await assertAccountPage(page, person, 'th', 'account (th)');
      await page.screenshot({ path: outFile('account-th.png'), fullPage: true });
      assertNoProblems(problems, 'account (th)');

      // Change language: still on /account, still signed in.
      await switchLanguage(page, 'en');
      await assertAccountPage(page, person, 'en', 'account (en)');
      assert.equal(await page.locator(LANG_BUTTON('en')).getAttribute('aria-pressed'), 'true',
        'the English button is pressed');
      await page.screenshot({ path: outFile('account-en.png'), fullPage: true });
      response = await page.reload();
      assert.equal(response.status(), 200, 'reloading /account is 200');
      await assertAccountPage(page, person, 'en', 'account (en, reloaded)');
      assertNoProblems(problems, 'account (en)');

      // Log out: back on the home page, signed out; /account asks to log in.
      const logout = page.locator(LOGOUT_BUTTON);
      response = await clickAndWaitForNavigation(page, logout);
      assert.equal(response.status(), 200, `logging out ends on a 200 page (${response.url()})`);
      assert.equal(pathOf(page), '/', `logging out leads to / (${page.url()})`);
      await assertPage(page, { lang: 'en', where: 'home after log-out' });
      await assertSignedOut(page, 'home after log-out');
      await assertAccountNeedsLogin(page, server, 'en', 'after log-out');
      assertNoProblems(problems, 'after log-out');
    });
  });

  test('a too-short password is refused; e-mail and name are kept, the password is not', { timeout: 60_000 }, async () => {
    const person = { ...newPerson('short'), password: 'short1' };
    await inContext('accounts-short-password', async (context) => {
      const page = await context.newPage();
      const problems = await watchPage(page, { ignore: expected(server, 422, '/register') });

      const response = await page.goto(server.url('/register'));
      assert.equal(response.status(), 200, 'GET /register is 200');
      const registerHeading = await assertPage(page, { lang: 'th', where: 'register' });

      const refused = await submitRegistration(page, person);
      assert.equal(refused.status(), 422, 'a too-short password is answered with 422');
      assert.equal(pathOf(page), '/register', 'still on /register');
      assert.equal(await assertPage(page, { lang: 'th', where: 'refused' }), registerHeading,
        'the registration form is shown again');

      const summary = page.locator('.error-summary');
      assert.equal(await summary.count(), 1, 'one .error-summary');
      assert.ok(await summary.isVisible(), 'the error summary is visible');
      assert.equal(await summary.getAttribute('role'), 'alert', 'the error summary is an alert');
      const items = summary.locator('li');
      assert.equal(await items.count(), 1, 'the summary lists one error');
      const toPassword = summary.locator(`a[href="${FIELD.password}"]`);
      assert.equal(await toPassword.count(), 1, 'the summary links to the password field');
      const message = normalise(await toPassword.textContent());
      assert.match(message, THAI, `the error "${message}" is in Thai`);
      assert.match(message.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0E50)), /\b12\b/,
        `the error "${message}" names the minimum length`);

      const password = page.locator(FIELD.password);
      assert.equal(await password.getAttribute('aria-invalid'), 'true', 'the password field is marked invalid');
      const describedBy = await password.getAttribute('aria-describedby');
      assert.ok(describedBy, 'the password field is described by its error');
      assert.equal(normalise(await page.locator(`[id="${describedBy}"]`).textContent()), message,
        'the error next to the field is the one in the summary');

      assert.equal(await page.locator(FIELD.email).inputValue(), person.email, 'the e-mail is kept');
      assert.equal(await page.locator(FIELD.name).inputValue(), person.name, 'the display name is kept');
      assert.equal(await password.inputValue(), '', 'the password is not sent back');
      assert.equal(await password.getAttribute('value') ?? '', '', 'the password is not in the HTML');
      assert.equal(await page.locator(FIELD.consent).isChecked(), true, 'the consent tick is kept');
      assert.equal(await page.locator(FIELD.email).getAttribute('aria-invalid'), null, 'the e-mail is not marked invalid');

      // Nothing was registered: no mail went out.
      await page.goto(server.url('/dev/outbox'));
      assert.equal(await page.locator('.outbox-mail__to', { hasText: person.email }).count(), 0,
        'no mail to the refused address');

      assertNoProblems(problems, 'too-short password');
    });
  });

  test('a wrong password is refused and the visitor stays signed out', { timeout: 90_000 }, async () => {
    const person = newPerson('wrong');
    await inContext('accounts-wrong-password', async (context) => {
      const page = await context.newPage();
      const problems = await watchPage(page, { ignore: expected(server, 401, '/login') });

      await register(page, server, person, 'register');
      await openVerificationLink(page, await verificationLink(page, server, person.email, 'outbox'),
        { status: 200, where: 'verify' });

      const refused = await logIn(page, server, person.email, `${person.password}-not`);
      assert.equal(refused.status(), 401, 'a wrong password is answered with 401');
      assert.equal(pathOf(page), '/login', 'still on /login');
      await assertPage(page, { lang: 'th', where: 'refused' });
      const summary = page.locator('.error-summary');
      assert.equal(await summary.count(), 1, 'one .error-summary');
      assert.ok(await summary.isVisible(), 'the error summary is visible');
      const message = normalise(await summary.locator('li').first().textContent());
      assert.match(message, THAI, `the error "${message}" is in Thai`);
      assert.equal(await page.locator(FIELD.email).inputValue(), person.email, 'the e-mail is kept');
      assert.equal(await page.locator(FIELD.password).inputValue(), '', 'the password is not sent back');
      await assertSignedOut(page, 'refused');
      await assertAccountNeedsLogin(page, server, 'th', 'after a wrong password');

      // The right password still works afterwards (no lock-out with --login-backoff-ms 0).
      const ok = await logIn(page, server, person.email, person.password);
      assert.equal(ok.status(), 200, 'the right password then signs in');
      await assertAccountPage(page, person, 'th', 'account');

      assertNoProblems(problems, 'wrong password');
    });
  });

  test('a verification link works only once', { timeout: 90_000 }, async () => {
    const person = newPerson('reuse');
    await inContext('accounts-reused-link', async (context) => {
      const page = await context.newPage();
      const link = new URL(server.url('/verify-email'));
      const problems = await watchPage(page, { ignore: expected(server, 400, '/verify-email?token=') });

      await register(page, server, person, 'register');
      const href = await verificationLink(page, server, person.email, 'outbox');
      const done = await openVerificationLink(page, href, { status: 200, where: 'first use' });
      const failed = await openVerificationLink(page, href, { status: 400, where: 'second use' });
      assert.notEqual(failed, done, 'the second use does not show the success heading');
      assert.equal(pathOf(page), link.pathname, 'the failure is shown at the link itself');
      await assertSignedOut(page, 'second use');

      // A made-up token fails the same way.
      const bogus = `${link.href}?token=${randomBytes(32).toString('base64url')}`;
      assert.equal(await openVerificationLink(page, bogus, { status: 400, where: 'made-up token' }), failed,
        'a made-up token shows the same failure page');

      assertNoProblems(problems, 'reused link');
    });
  });

  // Last: a crash, a sanitizer report or an unclean exit anywhere above fails
  // the suite here.
  test('the server stops cleanly on SIGTERM', { timeout: 30_000 }, async () => {
    await browser.close();
    const exit = await server.stop();
    const log = server.stderr();
    assert.doesNotMatch(log, SANITIZER_REPORT, `the server's stderr has a sanitizer report:\n${log}`);
    assert.deepEqual(exit, { code: 0, signal: null }, `the server exits with status 0 on SIGTERM; stderr:\n${log}`);
  });
});
