// The cookie flags of Django's session and CSRF cookies, judged as `manage.py check --deploy`
// judges them (security.W010–W016, `is True` since Django 4.0), plus SameSite, which Django
// does not check.
import type { Value } from '../../model/types';
import type { Check } from '../check';
import { cookieNotHttpOnly } from './checks/cookie-not-httponly';
import { cookieNotSecure } from './checks/cookie-not-secure';
import { sameSiteNone } from './checks/samesite-none';
import { type DjangoContext, type Membership } from './django-context';
import { appendSettingPlan, replacePlan, TRUE } from './plans';
import { isTrue, isTruthy, knownValue, pythonLiteral } from '../../model/django/setting-values';

/** The templates both flag checks word their Django findings with. */
type FlagMessage = 'djangoValue' | 'djangoDefault' | 'djangoId' | 'fixDjango' | 'fixDjangoDefault';

/** A flag setting and the check that reports it; Django's default decides whether an absent one is reported. */
type FlagSetting = {
  name: string;
  /** Why the flag matters, as a clause. */
  why: string;
  /** Django's own check id, when it applies. */
  djangoId?: string;
} & (
  | { check: Check<FlagMessage>; defaultTrue: true }
  /** Reported where absent too, at the entry that installs the cookie (`anchor`). */
  | { check: typeof cookieNotSecure; defaultTrue: false; anchor?: Value }
);

/** Django's check id for a session-cookie setting depends on whether the app, the middleware or both are installed. */
function sessionCheckId(context: DjangoContext, ids: [appOnly: string, middlewareOnly: string, both: string]): string | undefined {
  const app = context.sessionsApp !== false && context.sessionsApp !== undefined;
  const middleware = context.sessionMiddleware !== false && context.sessionMiddleware !== undefined;
  if (app && middleware) return ids[2];
  if (app) return ids[0];
  if (middleware) return ids[1];
  return undefined;
}

const inUse = (membership: Membership) => membership !== false;

export function checkCookieFlags(context: DjangoContext): void {
  const sessionsMaybeUsed = inUse(context.sessionsApp) || inUse(context.sessionMiddleware);
  if (sessionsMaybeUsed) {
    const anchor = valueOf(context.sessionMiddleware) ?? valueOf(context.sessionsApp);
    checkFlag(context, {
      check: cookieNotSecure,
      name: 'SESSION_COOKIE_SECURE',
      defaultTrue: false,
      why: cookieNotSecure.text('SESSION_COOKIE_SECURE'),
      djangoId: sessionCheckId(context, ['W010', 'W011', 'W012']),
      anchor,
    });
    checkFlag(context, {
      check: cookieNotHttpOnly,
      name: 'SESSION_COOKIE_HTTPONLY',
      defaultTrue: true,
      why: cookieNotHttpOnly.text('SESSION_COOKIE_HTTPONLY'),
      djangoId: sessionCheckId(context, ['W013', 'W014', 'W015']),
    });
  }
  if (inUse(context.csrfMiddleware) && !csrfInSession(context)) {
    const djangoId = context.csrfMiddleware ? 'W016' : undefined;
    const why = cookieNotSecure.text('CSRF_COOKIE_SECURE');
    const anchor = valueOf(context.csrfMiddleware);
    checkFlag(context, { check: cookieNotSecure, name: 'CSRF_COOKIE_SECURE', defaultTrue: false, why, djangoId, anchor });
  }
}

/** With CSRF_USE_SESSIONS the token lives in the session and the CSRF cookie is never set. Unknown counts as "maybe": stay silent. */
function csrfInSession(context: DjangoContext): boolean {
  const setting = context.get('CSRF_USE_SESSIONS');
  if (!setting) return false;
  const known = knownValue(setting.value);
  return known === undefined || isTruthy(known);
}

function valueOf(membership: Membership): Value | undefined {
  return membership === false ? undefined : membership;
}

function checkFlag(context: DjangoContext, flag: FlagSetting): void {
  const { name, check } = flag;
  const assignment = context.get(name);
  const words = { name, why: flag.why, djangoId: flag.djangoId ? check.text('djangoId', { id: flag.djangoId }) : '' };
  if (!assignment) {
    if (flag.defaultTrue || context.settings.incomplete || !flag.anchor) return;
    const fix = appendSettingPlan(flag.check.text('fixDjango', { name }), context.settings.module, name, TRUE);
    return context.report(flag.check, flag.anchor.location, { message: 'djangoUnset', data: words, fixes: [fix] });
  }
  const known = knownValue(assignment.value);
  if (!known || isTrue(known)) return;
  const value = pythonLiteral(known.value);
  if (known.env) {
    const fix = replacePlan(check.text('fixDjangoDefault', { name }), known.value, TRUE);
    context.report(check, assignment.location, { message: 'djangoDefault', data: { ...words, value, env: known.env }, fixes: [fix] });
  } else {
    const fix = replacePlan(check.text('fixDjango', { name }), assignment.value, TRUE);
    context.report(check, assignment.location, { message: 'djangoValue', data: { ...words, value }, fixes: [fix] });
  }
}

/** `SameSite=None` lets every other site send the cookie along; browsers accept it only on a Secure cookie. */
export function checkSameSite(context: DjangoContext): void {
  for (const prefix of ['SESSION', 'CSRF'] as const) {
    const assignment = context.get(`${prefix}_COOKIE_SAMESITE`);
    const known = knownValue(assignment?.value);
    if (!assignment || !known) continue;
    const value = known.env ? known.value : assignment.value;
    const fix = replacePlan(sameSiteNone.text('fixDjango', { prefix }), value, { kind: 'string', value: 'Lax' });
    const data = { prefix, cookie: sameSiteNone.text(prefix) };
    if (known.value.kind === 'bool' && !known.value.value) {
      context.report(sameSiteNone, assignment.location, { message: 'djangoFalse', data, fixes: [fix] });
      continue;
    }
    if (known.value.kind !== 'string' || known.value.value.toLowerCase() !== 'none') continue;
    const secure = context.get(`${prefix}_COOKIE_SECURE`);
    const secureKnown = knownValue(secure?.value);
    if (secure && (!secureKnown || isTrue(secureKnown))) continue;
    context.report(sameSiteNone, assignment.location, { message: 'djangoNone', data, fixes: [fix] });
  }
}
