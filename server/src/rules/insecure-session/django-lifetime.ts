// How long a Django session lives and where its cookie goes: the settings Django does not check.
import { noIdleTimeout } from './checks/no-idle-timeout';
import { sharedCookieDomain } from './checks/shared-cookie-domain';
import type { DjangoContext } from './django-context';
import { isTrue, knownValue } from '../../model/django/setting-values';

const DEFAULT_AGE = 1209600; // two weeks, Django's SESSION_COOKIE_AGE
const DAY = 86400;

export function checkSessionLifetime(context: DjangoContext): void {
  if (context.sessionsApp === false && context.sessionMiddleware === false) return;
  checkDomain(context);
  checkIdleTimeout(context);
}

/** A Domain attribute shares the session cookie with every subdomain: one of them can read or fixate it. */
function checkDomain(context: DjangoContext): void {
  const assignment = context.get('SESSION_COOKIE_DOMAIN');
  const known = knownValue(assignment?.value);
  if (!assignment || known?.value.kind !== 'string' || known.value.value === '') return;
  const domain = known.value.value.replace(/^\./, '');
  context.report(sharedCookieDomain, assignment.location, { data: { value: known.value.value, domain } });
}

/** Without a sliding expiry or a short age, a session stays valid for its whole age however long the user is away. */
function checkIdleTimeout(context: DjangoContext): void {
  if (context.settings.incomplete) return;
  const saveEvery = knownValue(context.get('SESSION_SAVE_EVERY_REQUEST')?.value);
  const browserClose = knownValue(context.get('SESSION_EXPIRE_AT_BROWSER_CLOSE')?.value);
  const ageAssignment = context.get('SESSION_COOKIE_AGE');
  const written = ageAssignment ? knownValue(ageAssignment.value)?.value : undefined;
  const seconds = ageAssignment ? (written?.kind === 'number' ? written.value : undefined) : DEFAULT_AGE;
  if (seconds === undefined || seconds <= DAY) return;
  if ((saveEvery && isTrue(saveEvery)) || (browserClose && isTrue(browserClose))) return;
  const anchor = ageAssignment?.location ?? (context.sessionMiddleware ? context.sessionMiddleware.location : undefined);
  if (!anchor) return;
  const days = Math.round(seconds / DAY);
  const age = noIdleTimeout.text(ageAssignment ? 'written' : 'defaulted');
  context.report(noIdleTimeout, anchor, { message: 'message', data: { days, age } });
}
