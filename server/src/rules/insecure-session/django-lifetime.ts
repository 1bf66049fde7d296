// How long a Django session lives and where its cookie goes: the settings Django does not check.
import { noIdleTimeout } from './checks/no-idle-timeout';
import { sharedCookieDomain } from './checks/shared-cookie-domain';
import type { DjangoContext } from './django-context';
import { isTrue, knownValue } from '../../model/django/setting-values';

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

/**
 * Without a sliding expiry or a short age, a session stays valid for its whole age however long the user
 * is away. Only for an age the project wrote: Django's two-week default is what nearly every project
 * runs, and Django's own checks do not question it, so the advice would be noise there.
 */
function checkIdleTimeout(context: DjangoContext): void {
  if (context.settings.incomplete) return;
  const saveEvery = knownValue(context.get('SESSION_SAVE_EVERY_REQUEST')?.value);
  const browserClose = knownValue(context.get('SESSION_EXPIRE_AT_BROWSER_CLOSE')?.value);
  const ageAssignment = context.get('SESSION_COOKIE_AGE');
  const written = ageAssignment ? knownValue(ageAssignment.value)?.value : undefined;
  if (!ageAssignment || written?.kind !== 'number' || written.value <= DAY) return;
  if ((saveEvery && isTrue(saveEvery)) || (browserClose && isTrue(browserClose))) return;
  const days = Math.round(written.value / DAY);
  context.report(noIdleTimeout, ageAssignment.location, { message: 'message', data: { days } });
}
