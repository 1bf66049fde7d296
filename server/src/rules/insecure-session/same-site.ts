// A session cookie without a SameSite attribute. None of these libraries sets one by default
// (express-session: not set; cookie-session: false; koa-session: null; @fastify/session and
// @fastify/secure-session: left to @fastify/cookie, which sets none). Chromium then treats the cookie
// as Lax, but Firefox and Safari send it with requests other sites make, which is what CSRF needs.
// A hint: the risk depends on the browsers and on the app's CSRF protection.
import type { Finding, Location } from '../../model/types';
import { insertEntryFix } from './express-fixes';
import { optionOf, type ObjectValue } from './express-options';

const TITLE = "Set sameSite to 'lax'";

const DEFAULTS: Record<string, string> = {
  'express-session': 'express-session sets no SameSite attribute unless `cookie.sameSite` is given',
  'cookie-session': "cookie-session's `sameSite` defaults to false, which sets no SameSite attribute",
  'koa-session': "koa-session's `sameSite` defaults to null, which sets no SameSite attribute",
  '@fastify/session': '@fastify/session leaves `cookie.sameSite` unset, so the cookie has no SameSite attribute',
  '@fastify/secure-session': '@fastify/secure-session leaves `cookie.sameSite` to @fastify/cookie, which sets no SameSite attribute',
};

function message(library: string): string {
  return (
    `\`sameSite\` is not set: ${DEFAULTS[library] ?? `${library} sets no SameSite attribute`}. Chromium browsers then treat the ` +
    'session cookie as Lax, but Firefox and Safari send it with requests that other sites trigger, which is what a CSRF ' +
    "attack needs. Set `sameSite: 'lax'` (or 'strict')."
  );
}

/**
 * `sameSite` absent where the cookie options are: in `options.cookie` (`where: 'cookie'`: express-session and
 * the Fastify plugins) or in the options themselves (`'top'`: cookie-session, koa-session). Any value written,
 * or options that may hold one (an unreadable spread, a cookie object that is not a literal), says nothing.
 */
export function checkSameSite(library: string, options: ObjectValue, where: 'cookie' | 'top'): Finding[] {
  if (where === 'top') return optionOf(options, 'sameSite').state === 'absent' ? [hint(library, options.location, insertEntryFix(TITLE, options, "sameSite: 'lax'"))] : [];
  const cookie = optionOf(options, 'cookie');
  if (cookie.state === 'absent') return [hint(library, options.location, insertEntryFix(TITLE, options, "cookie: { sameSite: 'lax' }"))];
  if (cookie.state !== 'present' || cookie.value.kind !== 'object' || optionOf(cookie.value, 'sameSite').state !== 'absent') return [];
  return [hint(library, cookie.value.location, insertEntryFix(TITLE, cookie.value, "sameSite: 'lax'"))];
}

/** The hint for a session set up without any options (`session()`): nothing to insert into. */
export function sameSiteHintAt(library: string, location: Location): Finding {
  return hint(library, location, undefined);
}

function hint(library: string, location: Location, fix: Finding['fixes'][number] | undefined): Finding {
  return { rule: 'insecure-session', severity: 'hint', file: location.file, range: location.range, message: message(library), fixes: fix ? [fix] : [] };
}
