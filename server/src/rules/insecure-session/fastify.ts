// @fastify/session (secret required, at least 32 characters; cookie Secure by default; in-memory
// store) and @fastify/secure-session (encrypted cookie; `key` or `secret` + `salt`: without a salt
// it falls back to a static built-in one; `cookie.secure` is left to @fastify/cookie, which does not
// set it, so an unset one is sent over plain HTTP too).
import type { Finding, Location, SessionConfig } from '../../model/types';
import { envReference, envSecretFix, insertEntryFix, replaceValueFix } from './express-fixes';
import { falseOption, type ObjectValue, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';
import { checkSameSite } from './same-site';

const RULE = 'insecure-session';
const SECRET_TITLE = 'Read the secret from process.env.SESSION_SECRET';

export function checkFastifySessions(sessions: readonly SessionConfig[]): Finding[] {
  return sessions.filter((s) => s.stack === 'fastify').flatMap((session) => {
    const options = session.options;
    if (!options) return [finding(session.call, 'error', `${session.library} is registered without options: it needs a secret (or key) and refuses to start.`)];
    return [
      ...(session.library === '@fastify/session' ? checkSession(session, options) : checkSecureSession(options)),
      ...checkCookie(session.library, options),
      // After checkCookie: where both add a `cookie: {...}`, fix-all applies the secure one first.
      ...checkSameSite(session.library, options, 'cookie'),
    ];
  });
}

function checkSession(session: SessionConfig, options: ObjectValue): Finding[] {
  const findings: Finding[] = [];
  const secret = optionOf(options, 'secret');
  if (secret.state === 'absent') {
    const fix = insertEntryFix(SECRET_TITLE, options, `secret: ${envReference(options.location.file, 'SESSION_SECRET')}`);
    findings.push(finding(options.location, 'error', '@fastify/session has no `secret`: the plugin refuses to start. Read it from the environment.', fix));
  }
  if (secret.state === 'present' && isLiteralSecret(secret.value)) {
    const short = secret.value.kind === 'string' && secret.value.value.length < 32 ? ' It is also shorter than the 32 characters the plugin requires.' : '';
    const fix = envSecretFix(SECRET_TITLE, secret.value, 'SESSION_SECRET');
    findings.push(finding(secret.value.location, 'error', `The @fastify/session \`secret\` is hard-coded: it signs the session cookie, so anyone who reads this repository can forge sessions.${short}`, fix));
  }
  if (optionOf(options, 'store').state === 'absent') {
    findings.push(finding(options.location, 'warning', `No \`store\`: ${session.library} keeps sessions in memory, which leaks, loses every session on restart and is not shared between instances. Use a real store.`));
  }
  return findings;
}

function checkSecureSession(options: ObjectValue): Finding[] {
  const findings: Finding[] = [];
  // A string `key` is read as base64 and a `secret` as a passphrase: both come from the environment as strings.
  for (const [key, variable] of [['key', 'SESSION_KEY'], ['secret', 'SESSION_SECRET']] as const) {
    const option = optionOf(options, key);
    if (option.state === 'present' && isLiteralSecret(option.value)) {
      const fix = envSecretFix(`Read the ${key} from process.env.${variable}`, option.value, variable);
      findings.push(finding(option.value.location, 'error', `The @fastify/secure-session \`${key}\` is hard-coded: it encrypts and authenticates the session cookie, so anyone who reads this repository can read and forge sessions.`, fix));
    }
  }
  if (optionOf(options, 'secret').state === 'present' && optionOf(options, 'salt').state === 'absent') {
    const fix = insertEntryFix('Read the salt from process.env.SESSION_SALT', options, `salt: ${envReference(options.location.file, 'SESSION_SALT')}`);
    findings.push(finding(options.location, 'warning', '@fastify/secure-session has a `secret` but no `salt`: it derives the key with a static salt built into the library, the same in every application. Add a random `salt` from the environment.', fix));
  }
  return findings;
}

function checkCookie(library: string, options: ObjectValue): Finding[] {
  const cookie = optionOf(options, 'cookie');
  const findings: Finding[] = [];
  const securedByDefault = library === '@fastify/session';
  if (!securedByDefault && (cookie.state === 'absent' || (cookie.state === 'present' && cookie.value.kind === 'object' && optionOf(cookie.value, 'secure').state === 'absent'))) {
    const fix =
      cookie.state === 'absent'
        ? insertEntryFix('Set cookie.secure to true', options, 'cookie: { secure: true }')
        : cookie.value.kind === 'object'
          ? insertEntryFix('Set cookie.secure to true', cookie.value, 'secure: true')
          : undefined;
    const at = cookie.state === 'present' ? cookie.value.location : options.location;
    findings.push(finding(at, 'warning', `\`cookie.secure\` is not set: ${library} leaves it to @fastify/cookie, which does not set it, so the session cookie is also sent over plain HTTP, where anyone on the network can copy it. Set \`secure: true\`.`, fix));
  }
  if (cookie.state !== 'present' || cookie.value.kind !== 'object') return findings;
  for (const [key, why] of [
    ['secure', `\`cookie.secure: false\`: the session cookie is also sent over plain HTTP${securedByDefault ? ' (the plugin makes it Secure by default)' : ''}.`],
    ['httpOnly', '`cookie.httpOnly: false`: scripts on the page can read the session cookie.'],
  ] as const) {
    const off = falseOption(cookie.value, key);
    if (off) findings.push(finding(off.location, 'warning', why, replaceValueFix(`Set cookie.${key} to true`, off, 'true')));
  }
  return findings;
}

function finding(location: Location, severity: Finding['severity'], message: string, fix?: Finding['fixes'][number]): Finding {
  return { rule: RULE, severity, file: location.file, range: location.range, message, fixes: fix ? [fix] : [] };
}
