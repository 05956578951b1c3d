// Signing in for end-to-end journeys: TOTP codes (RFC 6238) for the
// two-factor step officials go through, and demo accounts.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';

import { clickAndWaitForNavigation } from './browser.mjs';

export const DEMO_PASSWORD = 'ruamkit demo 2569';

/** The current TOTP code (SHA-1, 6 digits, 30 s) for a base32 `secret`. */
export function totp(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) || []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/**
 * Signs `email` in through the log-in form. An official's first log-in sets
 * up two-factor (the secret is read off the page and a code computed).
 */
export async function signIn(page, server, email, password = DEMO_PASSWORD) {
  await page.goto(server.url('/login'));
  await page.fill('#field-email', email);
  await page.fill('#field-password', password);
  await clickAndWaitForNavigation(page, page.locator('form[action="/login"] button[type="submit"]'));
  if (new URL(page.url()).pathname === '/account/two-factor') {
    const secret = await page.locator('code.totp-secret').innerText();
    await page.fill('#field-code', totp(secret));
    await clickAndWaitForNavigation(page, page.locator('form[action="/account/two-factor/enable"] button[type="submit"]'));
  }
  assert.notEqual(new URL(page.url()).pathname, '/login', `${email} is signed in`);
}
