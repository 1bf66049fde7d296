// Where single middleware belong in the chain: SecurityMiddleware near the top when it redirects to
// HTTPS, the flatpage and redirect fallbacks at the bottom.
import { isTrue, knownValue } from '../../model/django/setting-values';
import type { MiddlewareChain, ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { fallbackNotLast } from './checks/fallback-not-last';
import { securityNotFirst } from './checks/security-not-first';
import { settingsLookup } from './django-order';
import { MIDDLEWARE, shortName } from './django-pairs';
import { moveEntryPlan } from './move-plans';

/** Middleware that may answer or change the response before SecurityMiddleware could redirect. */
const BEFORE_SECURITY = new Set<string>([
  MIDDLEWARE.session,
  MIDDLEWARE.common,
  MIDDLEWARE.csrf,
  MIDDLEWARE.auth,
  MIDDLEWARE.messages,
  MIDDLEWARE.gzip,
  MIDDLEWARE.locale,
  MIDDLEWARE.conditionalGet,
]);
const SECURITY = 'django.middleware.security.SecurityMiddleware';
const FALLBACKS = new Set([
  'django.contrib.flatpages.middleware.FlatpageFallbackMiddleware',
  'django.contrib.redirects.middleware.RedirectFallbackMiddleware',
]);

export function checkPlacement(model: ProjectModel, chain: MiddlewareChain, report: Report): void {
  securityNearTop(model, chain, report);
  fallbacksAtBottom(chain, report);
}

function securityNearTop(model: ProjectModel, chain: MiddlewareChain, report: Report): void {
  const redirect = settingsLookup(model, chain.file)('SECURE_SSL_REDIRECT');
  const known = knownValue(redirect?.value);
  if (!known || !isTrue(known)) return;
  const security = chain.entries.findIndex((entry) => entry.name === SECURITY);
  const earlier = chain.entries.slice(0, Math.max(security, 0)).filter((entry) => BEFORE_SECURITY.has(entry.name));
  if (security <= 0 || earlier.length === 0) return;
  const entry = chain.entries[security];
  report(securityNotFirst, entry.location, {
    data: { earlier: earlier.map((e) => shortName(e.name)).join(', ') },
    fixes: [moveEntryPlan(chain, entry, chain.entries[0], 'before', securityNotFirst.text('fix'))],
    related: earlier
      .slice(0, 1)
      .map((e) => ({ location: e.location, message: securityNotFirst.text('related', { entry: shortName(e.name) }) })),
  });
}

function fallbacksAtBottom(chain: MiddlewareChain, report: Report): void {
  chain.entries.forEach((entry, index) => {
    if (!FALLBACKS.has(entry.name)) return;
    const after = chain.entries.slice(index + 1).filter((other) => other.name.startsWith('django.') && !FALLBACKS.has(other.name));
    if (after.length === 0) return;
    report(fallbackNotLast, entry.location, {
      data: { entry: shortName(entry.name), after: after.map((e) => shortName(e.name)).join(', ') },
    });
  });
}
