// The server's message catalogues, for journeys that look for UI wording:
// they ask for a message by key (t('accounts.login.submit')) instead of
// pinning its Thai or English text, so a wording change in locales/ does not
// break them while a missing or wrong message still does.
//
// The catalogue of a locale is locales/<l>.json merged, nested object by
// nested object, with every src/features/*/locales/<l>.json (sorted), as the
// server loads it. A message defined twice is an error, as in the server.
//
// Messages with arguments use the subset of ICU MessageFormat the catalogues
// use: {name}, {name, plural, one {...} other {...}} (with # and =N) and
// {name, select, ...}, plus ICU's apostrophe quoting. Numbers are formatted
// with the locale's digit grouping, as ICU does; strings are inserted as they
// are.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function shareDir() {
  return path.resolve(process.env.RUAMKIT_SHARE_DIR || repoRoot);
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function merge(into, from, prefix, file) {
  for (const [key, value] of Object.entries(from)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (!(key in into)) {
      into[key] = value;
    } else if (isObject(into[key]) && isObject(value)) {
      merge(into[key], value, name, file);
    } else {
      throw new Error(`message ${name} is defined twice (again in ${file})`);
    }
  }
}

function flatten(obj, prefix, out) {
  for (const [key, value] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else if (isObject(value)) flatten(value, name, out);
    else throw new Error(`message ${name} must be a string or an object`);
  }
}

const catalogues = new Map();

/** The merged catalogue of `locale` as a Map from dotted key to message. */
export function catalogue(locale = 'th') {
  let flat = catalogues.get(locale);
  if (flat) return flat;
  const root = shareDir();
  const files = [path.join(root, 'locales', `${locale}.json`)];
  const features = path.join(root, 'src', 'features');
  if (existsSync(features)) {
    const fragments = readdirSync(features)
      .map((dir) => path.join(features, dir, 'locales', `${locale}.json`))
      .filter((file) => existsSync(file))
      .sort();
    files.push(...fragments);
  }
  const all = {};
  for (const file of files) merge(all, JSON.parse(readFileSync(file, 'utf8')), '', file);
  flat = new Map();
  flatten(all, '', flat);
  catalogues.set(locale, flat);
  return flat;
}

/** The raw message `key` of `locale`; throws when there is none. */
export function message(key, locale = 'th') {
  const text = catalogue(locale).get(key);
  if (text === undefined) throw new Error(`no message ${key} in the ${locale} catalogue`);
  return text;
}

// --- ICU MessageFormat (the subset in use) ---------------------------------

// Parses `src` from `pos` up to an unmatched '}' (or the end) into a list of
// parts: strings, {arg}, {arg, plural|select, ...} and '#' (in plurals).
function parseMessage(src, pos, inPlural) {
  const parts = [];
  let text = '';
  while (pos < src.length) {
    const ch = src[pos];
    if (ch === "'") {
      const next = src[pos + 1];
      if (next === "'") {
        text += "'";
        pos += 2;
      } else if (next === '{' || next === '}' || (inPlural && next === '#') || next === '|') {
        // Quoted literal up to the next single apostrophe ('' inside is one).
        pos += 1;
        while (pos < src.length) {
          if (src[pos] === "'") {
            if (src[pos + 1] === "'") {
              text += "'";
              pos += 2;
              continue;
            }
            pos += 1;
            break;
          }
          text += src[pos];
          pos += 1;
        }
      } else {
        text += "'";
        pos += 1;
      }
    } else if (ch === '{') {
      if (text) parts.push(text);
      text = '';
      const [arg, end] = parseArgument(src, pos + 1);
      parts.push(arg);
      pos = end;
    } else if (ch === '}') {
      break;
    } else if (ch === '#' && inPlural) {
      if (text) parts.push(text);
      text = '';
      parts.push({ pound: true });
      pos += 1;
    } else {
      text += ch;
      pos += 1;
    }
  }
  if (text) parts.push(text);
  return [parts, pos];
}

function skipSpace(src, pos) {
  while (pos < src.length && /\s/.test(src[pos])) pos += 1;
  return pos;
}

function readWord(src, pos) {
  pos = skipSpace(src, pos);
  const start = pos;
  while (pos < src.length && !/[\s,{}]/.test(src[pos])) pos += 1;
  return [src.slice(start, pos), skipSpace(src, pos)];
}

// Parses an argument after its '{'; returns [argument, position after '}'].
function parseArgument(src, pos) {
  let name;
  [name, pos] = readWord(src, pos);
  if (!name) throw new Error(`malformed message: ${src}`);
  if (src[pos] === '}') return [{ name }, pos + 1];
  if (src[pos] !== ',') throw new Error(`malformed message: ${src}`);
  let type;
  [type, pos] = readWord(src, pos + 1);
  if (type !== 'plural' && type !== 'select') {
    throw new Error(`argument type ${type} is not supported by tests/e2e/support/catalogue.mjs: ${src}`);
  }
  if (src[pos] !== ',') throw new Error(`malformed message: ${src}`);
  pos += 1;
  let offset = 0;
  const options = new Map();
  for (;;) {
    let selector;
    [selector, pos] = readWord(src, pos);
    if (src[pos] === '}' && !selector) return [{ name, type, offset, options }, pos + 1];
    if (type === 'plural' && selector.startsWith('offset:')) {
      offset = Number(selector.slice('offset:'.length));
      continue;
    }
    if (src[pos] !== '{') throw new Error(`malformed message: ${src}`);
    let parts;
    [parts, pos] = parseMessage(src, pos + 1, type === 'plural');
    if (src[pos] !== '}') throw new Error(`malformed message: ${src}`);
    options.set(selector, parts);
    pos += 1;
  }
}

function formatNumber(value, locale) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

function render(parts, args, locale, pound) {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
    } else if (part.pound) {
      out += formatNumber(pound, locale);
    } else {
      if (!(part.name in args)) throw new Error(`argument ${part.name} is missing`);
      const value = args[part.name];
      if (!part.type) {
        out += typeof value === 'number' || typeof value === 'bigint' ? formatNumber(value, locale) : String(value);
      } else if (part.type === 'select') {
        const chosen = part.options.get(String(value)) ?? part.options.get('other');
        if (!chosen) throw new Error(`select ${part.name} has no option for ${value}`);
        out += render(chosen, args, locale, pound);
      } else {
        const n = Number(value);
        const category = new Intl.PluralRules(locale).select(n - part.offset);
        const chosen = part.options.get(`=${n}`) ?? part.options.get(category) ?? part.options.get('other');
        if (!chosen) throw new Error(`plural ${part.name} has no option for ${n}`);
        out += render(chosen, args, locale, n - part.offset);
      }
    }
  }
  return out;
}

/** Formats the MessageFormat `pattern` with `args` for `locale`. */
export function formatMessage(pattern, args = {}, locale = 'th') {
  const [parts, end] = parseMessage(pattern, 0, false);
  if (end !== pattern.length) throw new Error(`malformed message: ${pattern}`);
  return render(parts, args, locale, undefined);
}

/**
 * The text of message `key` in `locale` as a page shows it. A plain message
 * is given whole, as templates show it; a message with arguments is
 * formatted with `args`. Throws on an unknown key or a missing argument, so
 * a typo fails the test.
 */
export function t(key, args = {}, locale = 'th') {
  const text = message(key, locale);
  if (!text.includes('{')) return text;
  return formatMessage(text, args, locale);
}

/** Shorthand for t(key, args, 'en'). */
export function tEn(key, args = {}) {
  return t(key, args, 'en');
}

/** A RegExp source matching `text` literally (for text in a larger RegExp). */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A RegExp matching t(key, args, locale) literally, for assert.match. */
export function tRegExp(key, args = {}, locale = 'th') {
  return new RegExp(escapeRegExp(t(key, args, locale)));
}

/**
 * The start of message `key` formatted with `args`, up to where argument
 * `arg` would go (for a message whose later arguments the test does not know).
 */
export function tBefore(key, arg, args = {}, locale = 'th') {
  const marker = '\u0001';
  const missing = '\u0002';
  const pattern = message(key, locale);
  // Arguments not given are filled in, then must come after `arg` (cut off).
  const names = new Set([...pattern.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)].map((m) => m[1]));
  const all = { ...Object.fromEntries([...names].map((n) => [n, missing])), ...args, [arg]: marker };
  const out = formatMessage(pattern, all, locale);
  const at = out.indexOf(marker);
  if (at < 0) throw new Error(`message ${key} has no argument ${arg}`);
  const head = out.slice(0, at);
  if (head.includes(missing)) throw new Error(`message ${key}: an argument before ${arg} is missing`);
  return head;
}
