// @fastify/session (secret required, at least 32 characters; cookie Secure by default; in-memory
// store) and @fastify/secure-session (encrypted cookie; `key` or `secret` + `salt`: without a salt
// it falls back to a static built-in one; `cookie.secure` is left to @fastify/cookie, which does not
// set it, so an unset one is sent over plain HTTP too).
import type { SessionConfig } from '../../model/types';
import type { Report } from '../rule';
import { cookieNotHttpOnly } from './checks/cookie-not-httponly';
import { cookieNotSecure } from './checks/cookie-not-secure';
import { hardCodedSecret } from './checks/hard-coded-secret';
import { memoryStore } from './checks/memory-store';
import { missingSalt } from './checks/missing-salt';
import { missingSecret } from './checks/missing-secret';
import { falseOption, type ObjectValue, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';
import { addEntryPlan, envSecretPlan, objectWith, replacePlan, TRUE } from './plans';
import { checkSameSite } from './same-site';

export function checkFastifySessions(sessions: readonly SessionConfig[], report: Report): void {
  for (const session of sessions.filter((s) => s.stack === 'fastify')) {
    const options = session.options;
    if (!options) {
      report(missingSecret, session.call, { message: 'fastifyNoOptions', data: { library: session.library } });
      continue;
    }
    // The frontend registers these two plugins only.
    const library = session.library === '@fastify/session' ? '@fastify/session' : '@fastify/secure-session';
    if (library === '@fastify/session') checkSession(session, options, report);
    else checkSecureSession(options, report);
    checkCookie(session.library, options, report);
    // After checkCookie: where both add a `cookie: {...}`, fix-all applies the secure one first.
    checkSameSite(library, options, 'cookie', report);
  }
}

function checkSession(session: SessionConfig, options: ObjectValue, report: Report): void {
  const secret = optionOf(options, 'secret');
  if (secret.state === 'absent') {
    const fix = addEntryPlan(missingSecret.text('fix'), options, 'secret', { kind: 'env', name: 'SESSION_SECRET' });
    report(missingSecret, options.location, { message: 'fastifySession', fixes: [fix] });
  }
  if (secret.state === 'present' && isLiteralSecret(secret.value)) {
    const short = secret.value.kind === 'string' && secret.value.value.length < 32 ? hardCodedSecret.text('shortForPlugin') : '';
    const title = hardCodedSecret.text('fixEnv', { option: 'secret', variable: 'SESSION_SECRET' });
    const fix = envSecretPlan(title, secret.value, 'SESSION_SECRET');
    report(hardCodedSecret, secret.value.location, { message: 'fastifySession', data: { short }, fixes: [fix] });
  }
  if (optionOf(options, 'store').state === 'absent') {
    report(memoryStore, options.location, { message: 'fastify', data: { library: session.library } });
  }
}

function checkSecureSession(options: ObjectValue, report: Report): void {
  // A string `key` is read as base64 and a `secret` as a passphrase: both come from the environment as strings.
  for (const [key, variable] of [
    ['key', 'SESSION_KEY'],
    ['secret', 'SESSION_SECRET'],
  ] as const) {
    const option = optionOf(options, key);
    if (option.state === 'present' && isLiteralSecret(option.value)) {
      const fix = envSecretPlan(hardCodedSecret.text('fixEnv', { option: key, variable }), option.value, variable);
      report(hardCodedSecret, option.value.location, { message: 'fastifySecureSession', data: { key }, fixes: [fix] });
    }
  }
  if (optionOf(options, 'secret').state === 'present' && optionOf(options, 'salt').state === 'absent') {
    const fix = addEntryPlan(missingSalt.text('fix'), options, 'salt', { kind: 'env', name: 'SESSION_SALT' });
    report(missingSalt, options.location, { message: 'message', fixes: [fix] });
  }
}

function checkCookie(library: string, options: ObjectValue, report: Report): void {
  const cookie = optionOf(options, 'cookie');
  const securedByDefault = library === '@fastify/session';
  const secureTitle = cookieNotSecure.text('fix', { option: 'cookie.secure' });
  const secureUnset =
    cookie.state === 'absent' ||
    (cookie.state === 'present' && cookie.value.kind === 'object' && optionOf(cookie.value, 'secure').state === 'absent');
  if (!securedByDefault && secureUnset) {
    const fix =
      cookie.state === 'absent'
        ? addEntryPlan(secureTitle, options, 'cookie', objectWith('secure', TRUE))
        : cookie.value.kind === 'object'
          ? addEntryPlan(secureTitle, cookie.value, 'secure', TRUE)
          : undefined;
    const at = cookie.state === 'present' ? cookie.value.location : options.location;
    report(cookieNotSecure, at, { message: 'fastifyUnset', data: { library }, fixes: [fix] });
  }
  if (cookie.state !== 'present' || cookie.value.kind !== 'object') return;
  const secure = falseOption(cookie.value, 'secure');
  if (secure) {
    const fix = replacePlan(secureTitle, secure, TRUE);
    report(cookieNotSecure, secure.location, { message: securedByDefault ? 'fastifySessionFalse' : 'fastifyFalse', fixes: [fix] });
  }
  const httpOnly = falseOption(cookie.value, 'httpOnly');
  if (httpOnly) {
    const fix = replacePlan(cookieNotHttpOnly.text('fix', { option: 'cookie.httpOnly' }), httpOnly, TRUE);
    report(cookieNotHttpOnly, httpOnly.location, { message: 'fastify', fixes: [fix] });
  }
}
