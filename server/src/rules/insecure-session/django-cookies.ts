// The cookie flags of Django's session and CSRF cookies, judged as `manage.py check --deploy`
// judges them (security.W010–W016, `is True` since Django 4.0), plus SameSite, which Django
// does not check.
import type { Finding, Value } from '../../model/types';
import { type DjangoContext, type Membership, settingsFinding } from './django-context';
import { appendSetting, replaceValue } from './django-fixes';
import { isTrue, isTruthy, knownValue, pythonLiteral } from '../../model/django/setting-values';

interface FlagSetting {
  name: string;
  /** Django's default when the module does not assign it. */
  defaultTrue: boolean;
  /** The check id by what installs the cookie: app only, middleware only, both. */
  checkId: string;
  /** Why the flag matters, as a clause. */
  why: string;
  /** Where to point when the setting is absent. */
  anchor?: Value;
}

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

export function checkCookieFlags(context: DjangoContext): Finding[] {
  const findings: Finding[] = [];
  const sessionsMaybeUsed = inUse(context.sessionsApp) || inUse(context.sessionMiddleware);
  if (sessionsMaybeUsed) {
    const anchor = valueOf(context.sessionMiddleware) ?? valueOf(context.sessionsApp);
    findings.push(
      ...checkFlag(context, {
        name: 'SESSION_COOKIE_SECURE',
        defaultTrue: false,
        checkId: sessionCheckId(context, ['W010', 'W011', 'W012']) ?? '',
        why: 'the session cookie is also sent over plain HTTP, where a network sniffer can copy it and hijack the session',
        anchor,
      }),
      ...checkFlag(context, {
        name: 'SESSION_COOKIE_HTTPONLY',
        defaultTrue: true,
        checkId: sessionCheckId(context, ['W013', 'W014', 'W015']) ?? '',
        why: 'JavaScript can read the session cookie, so one cross-site scripting bug hands the session to an attacker',
      }),
    );
  }
  if (inUse(context.csrfMiddleware) && !csrfInSession(context)) {
    findings.push(
      ...checkFlag(context, {
        name: 'CSRF_COOKIE_SECURE',
        defaultTrue: false,
        checkId: context.csrfMiddleware ? 'W016' : '',
        why: 'the CSRF cookie is also sent over plain HTTP, where it can be read and replayed in a forged request',
        anchor: valueOf(context.csrfMiddleware),
      }),
    );
  }
  return findings;
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

function checkFlag(context: DjangoContext, flag: FlagSetting): Finding[] {
  const assignment = context.get(flag.name);
  const id = flag.checkId ? ` (Django security.${flag.checkId})` : '';
  const title = `Set ${flag.name} = True`;
  if (!assignment) {
    if (flag.defaultTrue || context.settings.incomplete || !flag.anchor) return [];
    return [
      settingsFinding(context, {
        severity: 'warning',
        message: `${flag.name} is not set, and Django's default is False: ${flag.why}${id}.`,
        location: flag.anchor.location,
        fixes: [appendSetting(title, context.settings.module, `${flag.name} = True`)],
      }),
    ];
  }
  const known = knownValue(assignment.value);
  if (!known || isTrue(known)) return [];
  const written = known.env ? `defaults to ${pythonLiteral(known.value)} when ${known.env} is not set` : `is ${pythonLiteral(known.value)}`;
  const fix = known.env
    ? replaceValue(context.model, `Default ${flag.name} to True`, known.value, 'True')
    : replaceValue(context.model, title, assignment.value, 'True');
  return [
    settingsFinding(context, {
      severity: 'warning',
      message: `${flag.name} ${written}, not True: ${flag.why}${id}.`,
      location: assignment.location,
      fixes: [fix],
    }),
  ];
}

/** `SameSite=None` lets every other site send the cookie along; browsers accept it only on a Secure cookie. */
export function checkSameSite(context: DjangoContext): Finding[] {
  return ['SESSION', 'CSRF'].flatMap((prefix) => {
    const assignment = context.get(`${prefix}_COOKIE_SAMESITE`);
    const known = knownValue(assignment?.value);
    if (!assignment || !known) return [];
    const title = `Set ${prefix}_COOKIE_SAMESITE = "Lax"`;
    const value = known.env ? known.value : assignment.value;
    const fix = replaceValue(context.model, title, value, '"Lax"');
    if (known.value.kind === 'bool' && !known.value.value) {
      return [
        settingsFinding(context, {
          severity: 'warning',
          message: `${prefix}_COOKIE_SAMESITE = False drops the SameSite flag: the browser sends the ${cookieName(prefix)} cookie on cross-site requests, which opens the door to CSRF. Use "Lax" (Django's default) or "Strict".`,
          location: assignment.location,
          fixes: [fix],
        }),
      ];
    }
    if (known.value.kind !== 'string' || known.value.value.toLowerCase() !== 'none') return [];
    const secure = context.get(`${prefix}_COOKIE_SECURE`);
    const secureKnown = knownValue(secure?.value);
    if (secure && (!secureKnown || isTrue(secureKnown))) return [];
    return [
      settingsFinding(context, {
        severity: 'warning',
        message: `${prefix}_COOKIE_SAMESITE = "None" without ${prefix}_COOKIE_SECURE = True: browsers reject a SameSite=None cookie that is not Secure, and where they accept it, every cross-site request carries the ${cookieName(prefix)} cookie.`,
        location: assignment.location,
        fixes: [fix],
      }),
    ];
  });
}

const cookieName = (prefix: string) => (prefix === 'SESSION' ? 'session' : 'CSRF');
