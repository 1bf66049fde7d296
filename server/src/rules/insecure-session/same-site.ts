// A session cookie without a SameSite attribute. None of these libraries sets one by default
// (express-session: not set; cookie-session: false; koa-session: null; @fastify/session and
// @fastify/secure-session: left to @fastify/cookie, which sets none). Chromium then treats the cookie
// as Lax, but Firefox and Safari send it with requests other sites make, which is what CSRF needs.
// A hint: the risk depends on the browsers and on the app's CSRF protection.
import type { FixPlan } from '../../model/fix-plans';
import type { Location } from '../../model/types';
import type { Report } from '../rule';
import { sameSiteUnset } from './checks/samesite-unset';
import { optionOf, type ObjectValue } from './express-options';
import { addEntryPlan, objectWith } from './plans';

const LAX = { kind: 'string', value: 'lax' } as const;

/** The libraries that set no SameSite attribute by default; the check words each one's default. */
export type SameSiteLibrary = 'express-session' | 'cookie-session' | 'koa-session' | '@fastify/session' | '@fastify/secure-session';

/**
 * `sameSite` absent where the cookie options are: in `options.cookie` (`where: 'cookie'`: express-session and
 * the Fastify plugins) or in the options themselves (`'top'`: cookie-session, koa-session). Any value written,
 * or options that may hold one (an unreadable spread, a cookie object that is not a literal), says nothing.
 */
export function checkSameSite(library: SameSiteLibrary, options: ObjectValue, where: 'cookie' | 'top', report: Report): void {
  const title = sameSiteUnset.text('fix');
  if (where === 'top') {
    if (optionOf(options, 'sameSite').state !== 'absent') return;
    return hint(library, options.location, addEntryPlan(title, options, 'sameSite', LAX), report);
  }
  const cookie = optionOf(options, 'cookie');
  if (cookie.state === 'absent') {
    return hint(library, options.location, addEntryPlan(title, options, 'cookie', objectWith('sameSite', LAX)), report);
  }
  if (cookie.state !== 'present' || cookie.value.kind !== 'object' || optionOf(cookie.value, 'sameSite').state !== 'absent') return;
  hint(library, cookie.value.location, addEntryPlan(title, cookie.value, 'sameSite', LAX), report);
}

/** The hint for a session set up without any options (`session()`): nothing to insert into. */
export function sameSiteHintAt(library: SameSiteLibrary, location: Location, report: Report): void {
  hint(library, location, undefined, report);
}

function hint(library: SameSiteLibrary, location: Location, fix: FixPlan | undefined, report: Report): void {
  report(sameSiteUnset, location, { message: 'message', data: { defaults: sameSiteUnset.text(library) }, fixes: [fix] });
}
