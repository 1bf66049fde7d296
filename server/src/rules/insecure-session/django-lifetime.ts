// How long a Django session lives and where its cookie goes: the settings Django does not check.
import type { Finding } from '../../model/types';
import { type DjangoContext, settingsFinding } from './django-context';
import { isTrue, knownValue } from '../../model/django/setting-values';

const DEFAULT_AGE = 1209600; // two weeks, Django's SESSION_COOKIE_AGE
const DAY = 86400;

export function checkSessionLifetime(context: DjangoContext): Finding[] {
  if (context.sessionsApp === false && context.sessionMiddleware === false) return [];
  return [...checkDomain(context), ...checkIdleTimeout(context)];
}

/** A Domain attribute shares the session cookie with every subdomain: one of them can read or fixate it. */
function checkDomain(context: DjangoContext): Finding[] {
  const assignment = context.get('SESSION_COOKIE_DOMAIN');
  const known = knownValue(assignment?.value);
  if (!assignment || known?.value.kind !== 'string' || known.value.value === '') return [];
  const domain = known.value.value.replace(/^\./, '');
  return [
    settingsFinding(context, {
      severity: 'info',
      message: `SESSION_COOKIE_DOMAIN = "${known.value.value}" sends the session cookie to every subdomain of ${domain}: a compromised or user-controlled subdomain can read it or plant a session (session fixation). Leave it None unless subdomains must share the login.`,
      location: assignment.location,
    }),
  ];
}

/** Without a sliding expiry or a short age, a session stays valid for its whole age however long the user is away. */
function checkIdleTimeout(context: DjangoContext): Finding[] {
  if (context.settings.incomplete) return [];
  const saveEvery = knownValue(context.get('SESSION_SAVE_EVERY_REQUEST')?.value);
  const browserClose = knownValue(context.get('SESSION_EXPIRE_AT_BROWSER_CLOSE')?.value);
  const ageAssignment = context.get('SESSION_COOKIE_AGE');
  const written = ageAssignment ? knownValue(ageAssignment.value)?.value : undefined;
  const seconds = ageAssignment ? (written?.kind === 'number' ? written.value : undefined) : DEFAULT_AGE;
  if (seconds === undefined || seconds <= DAY) return [];
  if ((saveEvery && isTrue(saveEvery)) || (browserClose && isTrue(browserClose))) return [];
  const anchor = ageAssignment?.location ?? (context.sessionMiddleware ? context.sessionMiddleware.location : undefined);
  if (!anchor) return [];
  const days = Math.round(seconds / DAY);
  return [
    settingsFinding(context, {
      severity: 'info',
      message: `Sessions stay valid for ${days} days after they were last saved, whether or not the user is active (SESSION_COOKIE_AGE${ageAssignment ? '' : ' defaults to two weeks'}, no SESSION_SAVE_EVERY_REQUEST): a session left open on a shared computer stays usable. For an idle timeout, set a shorter SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST = True.`,
      location: anchor,
    }),
  ];
}
