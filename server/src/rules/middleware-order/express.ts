// Express chains (app.use and routes, in registration order): middleware that reads what an earlier
// one sets must come after it, middleware meant for every route must come before the routes, and
// the error handler after them. Roles come from the frontend (`session`, `body-parser`, `routes`, ...).
import { relative } from 'node:path';
import type { Finding, Fix, MiddlewareEntry, ProjectModel, Severity } from '../../model/types';
import { moveStatement } from './express-edits';

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
  // A NestJS app registers Express middleware with the same `app.use` and the same order rules. On the
  // Fastify adapter, the Fastify plugins it registers follow Fastify's rules (fastify.ts), not these.
  return model.middleware
    .filter((chain) => chain.stack === 'express' || chain.stack === 'nest')
    .flatMap((chain) => checkChain(chain.nestAdapter === 'fastify' ? chain.entries.filter((e) => !e.name.startsWith('@fastify/')) : chain.entries, model.root, true));
}

/** A move that would fix a finding: `mover` goes right before or after `anchor`. */
interface Move {
  mover: MiddlewareEntry;
  anchor: MiddlewareEntry;
  where: 'before' | 'after';
}

interface Problem {
  entry: MiddlewareEntry;
  other: MiddlewareEntry;
  severity: Severity;
  message: string;
  /** Moves that would fix it, best first; one is offered when it breaks no other rule. */
  moves: Move[];
}

function checkChain(entries: readonly MiddlewareEntry[], root: string, withFixes: boolean): Finding[] {
  const problems = problemsOf(entries);
  const findings = problems.map((problem) => finding(problem, root));
  if (withFixes) {
    // What the chain breaks now, read once for every move tried.
    const before = new Set(findings.map(findingKey));
    problems.forEach((problem, i) => {
      const fix = problem.moves.map((move) => safeMove(entries, move, findings[i], root, before)).find((x) => x !== undefined);
      if (fix) findings[i].fixes = [fix];
    });
  }
  return findings;
}

const findingKey = (f: Finding) => `${f.range.start.line}:${f.range.start.character}|${f.message}`;

function problemsOf(entries: readonly MiddlewareEntry[]): Problem[] {
  const problems: Problem[] = [];
  entries.forEach((entry, index) => {
    const earlier = entries.slice(0, index);
    const later = entries.slice(index + 1);
    for (const needs of NEEDS.filter((n) => n.role === entry.role)) {
      const missing = later.filter((other) => needs.after.includes(other.role ?? '') && !earlier.some((e) => e.role === other.role));
      if (missing.length > 0) {
        const needed = missing[0];
        problems.push({
          entry,
          other: needed,
          severity: needs.severity,
          message: `${entry.name} comes before ${needed.name}: ${needs.why}.`,
          moves: [{ mover: needed, anchor: entry, where: 'before' }, { mover: entry, anchor: needed, where: 'after' }],
        });
      }
    }
    const routesBefore = earlier.filter((e) => e.role === 'routes');
    if (entry.role && entry.role in BEFORE_ROUTES && routesBefore.length > 0 && !entry.name.startsWith('/')) {
      const listed = routesBefore.slice(0, 3).map((r) => r.name).join(', ');
      problems.push({
        entry,
        other: routesBefore[0],
        severity: 'warning',
        message: `${entry.name} is registered after ${routesBefore.length} route${routesBefore.length === 1 ? '' : 's'} (${listed}), which run without it and ${BEFORE_ROUTES[entry.role]}. Register it before the routes.`,
        moves: [{ mover: entry, anchor: routesBefore[0], where: 'before' }],
      });
    }
    if (entry.role === 'static' && earlier.some((e) => e.role === 'session')) {
      const session = earlier.find((e) => e.role === 'session')!;
      problems.push({
        entry,
        other: session,
        severity: 'warning',
        message: `${entry.name} comes after ${session.name}: every request for an image, script or stylesheet loads (or creates) a session in the store and may set the session cookie on static responses. Serve static files before the session middleware.`,
        moves: [{ mover: entry, anchor: session, where: 'before' }],
      });
    }
    if (entry.role === 'trust-proxy') {
      const dependent = earlier.find((e) => NEEDS_TRUST_PROXY.has(e.role ?? ''));
      if (dependent) {
        problems.push({
          entry,
          other: dependent,
          severity: 'warning',
          message: `\`trust proxy\` is set after ${dependent.name}, which depends on it behind a TLS-terminating proxy (a Secure session cookie, the client address a rate limiter counts). The express-session and express-rate-limit docs set it first.`,
          moves: [{ mover: entry, anchor: dependent, where: 'before' }],
        });
      }
    }
    if (entry.role === 'error-handler') {
      const routesAfter = later.filter((e) => e.role === 'routes');
      if (routesAfter.length > 0) {
        problems.push({
          entry,
          other: routesAfter[0],
          severity: 'error',
          message: `The error handler is registered before ${routesAfter.map((r) => r.name).slice(0, 3).join(', ')}: errors those routes raise never reach it (Express runs middleware in order). Register it last.`,
          moves: [{ mover: entry, anchor: entries[entries.length - 1], where: 'after' }, { mover: entry, anchor: routesAfter[routesAfter.length - 1], where: 'after' }],
        });
      }
    }
  });
  return problems;
}

/**
 * The move as a fix, when it is one edit that is right: both statements in one block, and the chain it
 * leaves breaks no rule that the chain did not already break (the fixed problem gone).
 */
function safeMove(entries: readonly MiddlewareEntry[], move: Move, fixed: Finding, root: string, before: ReadonlySet<string>): Fix | undefined {
  const fix = moveStatement(move.mover, move.anchor, move.where);
  if (!fix) return undefined;
  const rest = entries.filter((e) => e !== move.mover);
  const at = rest.indexOf(move.anchor) + (move.where === 'after' ? 1 : 0);
  const moved = [...rest.slice(0, at), move.mover, ...rest.slice(at)];
  const after = checkChain(moved, root, false).map(findingKey);
  return after.every((k) => before.has(k) && k !== findingKey(fixed)) ? fix : undefined;
}

function finding(problem: Problem, root: string): Finding {
  const { entry, other } = problem;
  return {
    rule: 'middleware-order',
    severity: problem.severity,
    file: entry.location.file,
    range: entry.location.range,
    message: `${problem.message}${whereFrom(entry, other, root)}`,
    fixes: [],
    related: [{ location: other.location, message: `${other.name} is registered here${other.via ? ` (through ${other.via.call})` : ''}` }],
  };
}

/** When the two entries are in different files, or one comes from a setup function: where each is registered. */
function whereFrom(entry: MiddlewareEntry, other: MiddlewareEntry, root: string): string {
  if (entry.location.file === other.location.file && !entry.via && !other.via) return '';
  const place = (e: MiddlewareEntry) => {
    const at = `${relative(root, e.location.file)}:${e.location.range.start.line + 1}`;
    return e.via ? `${at}, through ${e.via.call} at ${relative(root, e.via.location.file)}:${e.via.location.range.start.line + 1}` : at;
  };
  return ` (${entry.name}: ${place(entry)}; ${other.name}: ${place(other)})`;
}
