// @fastify/session (secret required, at least 32 characters; cookie Secure by default; in-memory
// store) and @fastify/secure-session (encrypted cookie; `key` or `secret` + `salt`: without a salt
// it falls back to a static built-in one).
import type { Finding, Location, SessionConfig } from '../../model/types';
import { type ObjectValue, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';

const RULE = 'insecure-session';

export function checkFastifySessions(sessions: readonly SessionConfig[]): Finding[] {
  return sessions.filter((s) => s.stack === 'fastify').flatMap((session) => {
    const options = session.options;
    if (!options) return [finding(session.call, 'error', `${session.library} is registered without options: it needs a secret (or key) and refuses to start.`)];
    return [...(session.library === '@fastify/session' ? checkSession(session, options) : checkSecureSession(options)), ...checkCookie(options)];
  });
}

function checkSession(session: SessionConfig, options: ObjectValue): Finding[] {
  const findings: Finding[] = [];
  const secret = optionOf(options, 'secret');
  if (secret.state === 'absent') findings.push(finding(options.location, 'error', '@fastify/session has no `secret`: the plugin refuses to start. Read it from the environment.'));
  if (secret.state === 'present' && isLiteralSecret(secret.value)) {
    const short = secret.value.kind === 'string' && secret.value.value.length < 32 ? ' It is also shorter than the 32 characters the plugin requires.' : '';
    findings.push(finding(secret.value.location, 'error', `The @fastify/session \`secret\` is hard-coded: it signs the session cookie, so anyone who reads this repository can forge sessions.${short}`));
  }
  if (optionOf(options, 'store').state === 'absent') {
    findings.push(finding(options.location, 'warning', `No \`store\`: ${session.library} keeps sessions in memory, which leaks, loses every session on restart and is not shared between instances. Use a real store.`));
  }
  return findings;
}

function checkSecureSession(options: ObjectValue): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['key', 'secret']) {
    const option = optionOf(options, key);
    if (option.state === 'present' && isLiteralSecret(option.value)) {
      findings.push(finding(option.value.location, 'error', `The @fastify/secure-session \`${key}\` is hard-coded: it encrypts and authenticates the session cookie, so anyone who reads this repository can read and forge sessions.`));
    }
  }
  if (optionOf(options, 'secret').state === 'present' && optionOf(options, 'salt').state === 'absent') {
    findings.push(finding(options.location, 'warning', '@fastify/secure-session has a `secret` but no `salt`: it derives the key with a static salt built into the library, the same in every application. Add a random `salt` from the environment.'));
  }
  return findings;
}

function checkCookie(options: ObjectValue): Finding[] {
  const cookie = optionOf(options, 'cookie');
  if (cookie.state !== 'present' || cookie.value.kind !== 'object') return [];
  const findings: Finding[] = [];
  for (const [key, why] of [
    ['secure', '`cookie.secure: false`: the session cookie is also sent over plain HTTP (the plugin makes it Secure by default).'],
    ['httpOnly', '`cookie.httpOnly: false`: scripts on the page can read the session cookie.'],
  ] as const) {
    const option = optionOf(cookie.value, key);
    if (option.state === 'present' && option.value.kind === 'bool' && !option.value.value) findings.push(finding(option.value.location, 'warning', why));
  }
  return findings;
}

function finding(location: Location, severity: Finding['severity'], message: string): Finding {
  return { rule: RULE, severity, file: location.file, range: location.range, message, fixes: [] };
}
