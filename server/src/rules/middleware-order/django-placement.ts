// Where single middleware belong in the chain: SecurityMiddleware near the top when it redirects to
// HTTPS, the flatpage and redirect fallbacks at the bottom.
import { isTrue, knownValue } from '../../model/django/setting-values';
import type { Finding, MiddlewareChain, ProjectModel } from '../../model/types';
import { moveAbove } from './django-edits';
import { settingsLookup } from './django-order';
import { MIDDLEWARE, shortName } from './django-pairs';

/** Middleware that may answer or change the response before SecurityMiddleware could redirect. */
const BEFORE_SECURITY = new Set<string>([MIDDLEWARE.session, MIDDLEWARE.common, MIDDLEWARE.csrf, MIDDLEWARE.auth, MIDDLEWARE.messages, MIDDLEWARE.gzip, MIDDLEWARE.locale, MIDDLEWARE.conditionalGet]);
const SECURITY = 'django.middleware.security.SecurityMiddleware';
const FALLBACKS = new Set(['django.contrib.flatpages.middleware.FlatpageFallbackMiddleware', 'django.contrib.redirects.middleware.RedirectFallbackMiddleware']);

export function checkPlacement(model: ProjectModel, chain: MiddlewareChain): Finding[] {
  return [...securityNearTop(model, chain), ...fallbacksAtBottom(chain)];
}

function securityNearTop(model: ProjectModel, chain: MiddlewareChain): Finding[] {
  const redirect = settingsLookup(model, chain.file)('SECURE_SSL_REDIRECT');
  const known = knownValue(redirect?.value);
  if (!known || !isTrue(known)) return [];
  const security = chain.entries.findIndex((entry) => entry.name === SECURITY);
  const earlier = chain.entries.slice(0, Math.max(security, 0)).filter((entry) => BEFORE_SECURITY.has(entry.name));
  if (security <= 0 || earlier.length === 0) return [];
  const entry = chain.entries[security];
  const fix = moveAbove(model, chain, entry, chain.entries[0]);
  return [
    {
      rule: 'middleware-order',
      severity: 'warning',
      file: entry.location.file,
      range: entry.location.range,
      message: `SecurityMiddleware comes after ${earlier.map((e) => shortName(e.name)).join(', ')}: with SECURE_SSL_REDIRECT = True it should redirect plain-HTTP requests before any other middleware touches them (sessions, CSRF checks, user loading run on the insecure request first). Django's docs put it near the top.`,
      fixes: fix ? [{ ...fix, title: `Move SecurityMiddleware to the top` }] : [],
      related: earlier.slice(0, 1).map((e) => ({ location: e.location, message: `${shortName(e.name)} runs before it` })),
    },
  ];
}

function fallbacksAtBottom(chain: MiddlewareChain): Finding[] {
  return chain.entries.flatMap((entry, index) => {
    if (!FALLBACKS.has(entry.name)) return [];
    const after = chain.entries.slice(index + 1).filter((other) => other.name.startsWith('django.') && !FALLBACKS.has(other.name));
    if (after.length === 0) return [];
    return [
      {
        rule: 'middleware-order',
        severity: 'info' as const,
        file: entry.location.file,
        range: entry.location.range,
        message: `${shortName(entry.name)} is a last resort for 404 responses and belongs at the bottom of MIDDLEWARE; ${after.map((e) => shortName(e.name)).join(', ')} come after it and see its responses.`,
        fixes: [],
      },
    ];
  });
}
