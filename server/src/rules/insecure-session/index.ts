import { defineRule } from '../rule';
import { autoSecureUntrustedProxy } from './checks/auto-secure-untrusted-proxy';
import { cookieNotHttpOnly } from './checks/cookie-not-httponly';
import { cookieNotSecure } from './checks/cookie-not-secure';
import { csrfExemptView } from './checks/csrf-exempt-view';
import { debugEnabled } from './checks/debug-enabled';
import { defaultCookieName } from './checks/default-cookie-name';
import { hardCodedSecret } from './checks/hard-coded-secret';
import { ignoredCookieOptions } from './checks/ignored-cookie-options';
import { insecureBaseSetting } from './checks/insecure-base-setting';
import { memoryStore } from './checks/memory-store';
import { missingSalt } from './checks/missing-salt';
import { missingSecret } from './checks/missing-secret';
import { noIdleTimeout } from './checks/no-idle-timeout';
import { pickleSerializer } from './checks/pickle-serializer';
import { sameSiteNone } from './checks/samesite-none';
import { sameSiteUnset } from './checks/samesite-unset';
import { sessionFixation } from './checks/session-fixation';
import { sessionNeverExpires } from './checks/session-never-expires';
import { setCookieCredentialFlags } from './checks/set-cookie-credential-flags';
import { setCookieNotSecure } from './checks/set-cookie-not-secure';
import { sharedCookieDomain } from './checks/shared-cookie-domain';
import { signedCookieEngine } from './checks/signed-cookie-engine';
import { unsignedCookie } from './checks/unsigned-cookie';
import { checkCookieSessions } from './cookie-session';
import { checkDjangoSettings } from './django';
import { checkCookieWrites, checkCsrfExemptViews } from './django-views';
import { checkExpressSessions } from './express';
import { checkFastifySessions } from './fastify';
import { checkIronSessions } from './iron-session';
import { checkKoaSessions } from './koa';
import { checkSessionFixation } from './session-fixation';

/**
 * Session and CSRF settings that make a session easier to steal, forge or replay: Django's settings (every
 * module it star-imports followed) and views; express-session, cookie-session, koa-session, @fastify/session,
 * @fastify/secure-session and iron-session options, read where they are written (Express apps followed into
 * the project functions they are handed to, options imported from another file); Passport logins. Values read
 * from the environment are configured outside the code and are not reported, unless their literal default is
 * insecure.
 */
export const insecureSession = defineRule({
  id: 'insecure-session',
  summary: 'Session and CSRF cookies, secrets, serializers and stores that an attacker can exploit.',
  checks: [
    hardCodedSecret,
    missingSecret,
    missingSalt,
    unsignedCookie,
    cookieNotSecure,
    cookieNotHttpOnly,
    sameSiteNone,
    sameSiteUnset,
    autoSecureUntrustedProxy,
    defaultCookieName,
    memoryStore,
    sessionNeverExpires,
    ignoredCookieOptions,
    debugEnabled,
    pickleSerializer,
    signedCookieEngine,
    sharedCookieDomain,
    noIdleTimeout,
    insecureBaseSetting,
    csrfExemptView,
    setCookieCredentialFlags,
    setCookieNotSecure,
    sessionFixation,
  ],
  run(model, report) {
    checkDjangoSettings(model, report);
    checkCsrfExemptViews(model, report);
    checkCookieWrites(model, report);
    checkExpressSessions(model, report);
    checkSessionFixation(model, report);
    checkCookieSessions(model.sessions, report);
    checkKoaSessions(model, report);
    checkFastifySessions(model.sessions, report);
    checkIronSessions(model.sessions, report);
  },
});
