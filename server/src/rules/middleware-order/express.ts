// Express chains (app.use and routes, in registration order): middleware that reads what an earlier
// one sets must come after it, middleware meant for every route must come before the routes, and
// the error handler after them. Roles come from the frontend (`session`, `body-parser`, `routes`, ...).
import type { Finding, MiddlewareChain, MiddlewareEntry, ProjectModel, Severity } from '../../model/types';

interface Needs {
  role: string;
  /** Any of these must be registered before it. */
  after: string[];
  severity: Severity;
  why: string;
}

const NEEDS: Needs[] = [
  { role: 'passport-session', after: ['session'], severity: 'error', why: 'passport.session() restores the login from req.session, which session() creates: before it, no request is ever logged in' },
  { role: 'passport-initialize', after: ['session'], severity: 'warning', why: 'passport keeps its login state in the session, which session() creates; initialize passport after it' },
  { role: 'csrf', after: ['session', 'cookie-parser'], severity: 'error', why: 'the CSRF middleware keeps its secret in req.session (or in a cookie read by cookie-parser): registered before them, it fails on every request' },
];

/** Middleware that read the client's address or protocol through the proxy headers `trust proxy` enables. */
const NEEDS_TRUST_PROXY = new Set(['session', 'rate-limit']);

/** Middleware that protects or prepares every request: routes registered before them miss it. */
const BEFORE_ROUTES: Record<string, string> = {
  'body-parser': 'see req.body undefined',
  helmet: 'are served without its security headers',
  cors: 'answer without CORS headers (and their preflight requests fail)',
  'rate-limit': 'are not rate limited',
  csrf: 'are not protected against CSRF',
};

export function checkExpressMiddleware(model: ProjectModel): Finding[] {
  // A NestJS app registers Express middleware with the same `app.use` and the same order rules.
  return model.middleware.filter((chain) => chain.stack === 'express' || chain.stack === 'nest').flatMap(checkChain);
}

function checkChain(chain: MiddlewareChain): Finding[] {
  const findings: Finding[] = [];
  const entries = chain.entries;
  entries.forEach((entry, index) => {
    const earlier = entries.slice(0, index);
    const later = entries.slice(index + 1);
    for (const needs of NEEDS.filter((n) => n.role === entry.role)) {
      const missing = later.filter((other) => needs.after.includes(other.role ?? '') && !earlier.some((e) => e.role === other.role));
      if (missing.length > 0) findings.push(finding(entry, needs.severity, `${entry.name} comes before ${missing[0].name}: ${needs.why}.`, missing[0]));
    }
    const routesBefore = earlier.filter((e) => e.role === 'routes');
    if (entry.role && entry.role in BEFORE_ROUTES && routesBefore.length > 0 && !entry.name.startsWith('/')) {
      const listed = routesBefore.slice(0, 3).map((r) => r.name).join(', ');
      findings.push(finding(entry, 'warning', `${entry.name} is registered after ${routesBefore.length} route${routesBefore.length === 1 ? '' : 's'} (${listed}), which run without it and ${BEFORE_ROUTES[entry.role]}. Register it before the routes.`, routesBefore[0]));
    }
    if (entry.role === 'static' && earlier.some((e) => e.role === 'session')) {
      const session = earlier.find((e) => e.role === 'session')!;
      findings.push(finding(entry, 'warning', `${entry.name} comes after ${session.name}: every request for an image, script or stylesheet loads (or creates) a session in the store and may set the session cookie on static responses. Serve static files before the session middleware.`, session));
    }
    if (entry.role === 'trust-proxy') {
      const dependent = earlier.find((e) => NEEDS_TRUST_PROXY.has(e.role ?? ''));
      if (dependent) findings.push(finding(entry, 'warning', `\`trust proxy\` is set after ${dependent.name}, which depends on it behind a TLS-terminating proxy (a Secure session cookie, the client address a rate limiter counts). The express-session and express-rate-limit docs set it first.`, dependent));
    }
    if (entry.role === 'error-handler') {
      const routesAfter = later.filter((e) => e.role === 'routes');
      if (routesAfter.length > 0) findings.push(finding(entry, 'error', `The error handler is registered before ${routesAfter.map((r) => r.name).slice(0, 3).join(', ')}: errors those routes raise never reach it (Express runs middleware in order). Register it last.`, routesAfter[0]));
    }
  });
  return findings;
}

function finding(entry: MiddlewareEntry, severity: Severity, message: string, other: MiddlewareEntry): Finding {
  return {
    rule: 'middleware-order',
    severity,
    file: entry.location.file,
    range: entry.location.range,
    message,
    fixes: [],
    related: [{ location: other.location, message: `${other.name} is registered here` }],
  };
}
