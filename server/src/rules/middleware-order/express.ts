// Express chains (app.use and routes, in registration order): middleware that reads what an earlier
// one sets must come after it, middleware meant for every route must come before the routes, and
// the error handler after them. Roles come from the frontend (`session`, `body-parser`, `routes`, ...).
import { relative } from 'node:path';
import { canMoveNextTo } from '../../model/statement-moves';
import type { MiddlewareChain, MiddlewareEntry, ProjectModel } from '../../model/types';
import type { Check, TemplateData } from '../check';
import type { Report } from '../rule';
import { afterRoutes } from './checks/after-routes';
import { dependencyOrder } from './checks/dependency-order';
import { documentedOrder } from './checks/documented-order';
import { errorHandlerBeforeRoutes } from './checks/error-handler-before-routes';
import { staticAfterSession } from './checks/static-after-session';
import { trustProxyLate } from './checks/trust-proxy-late';
import { moveEntryPlan, moveTitle } from './move-plans';

/** Middleware that needs another registered before it: the check and message that say so. */
const NEEDS = [
  { role: 'passport-session', after: ['session'], check: dependencyOrder, message: 'expressPassportSession' },
  { role: 'passport-initialize', after: ['session'], check: documentedOrder, message: 'expressPassportInitialize' },
  { role: 'csrf', after: ['session', 'cookie-parser'], check: dependencyOrder, message: 'expressCsrf' },
] as const;

/** Middleware that read the client's address or protocol through the proxy headers `trust proxy` enables. */
const NEEDS_TRUST_PROXY = new Set(['session', 'rate-limit']);

/** Middleware that protects or prepares every request: routes registered before them miss it (the check's templates say how). */
const BEFORE_ROUTES = new Set(['body-parser', 'helmet', 'cors', 'rate-limit', 'csrf'] as const);
type BeforeRoutes = typeof BEFORE_ROUTES extends Set<infer T> ? T : never;

export function checkExpressMiddleware(model: ProjectModel, report: Report): void {
  // A NestJS app registers Express middleware with the same `app.use` and the same order rules. On the
  // Fastify adapter, the Fastify plugins it registers follow Fastify's rules (fastify.ts), not these.
  for (const chain of model.middleware.filter((c) => c.stack === 'express' || c.stack === 'nest')) {
    const entries = chain.nestAdapter === 'fastify' ? chain.entries.filter((e) => !e.name.startsWith('@fastify/')) : chain.entries;
    checkChain(chain, entries, model.root, report);
  }
}

/** A move that would fix a problem: `mover` goes right before or after `anchor`. */
interface Move {
  mover: MiddlewareEntry;
  anchor: MiddlewareEntry;
  where: 'before' | 'after';
}

interface Problem {
  entry: MiddlewareEntry;
  other: MiddlewareEntry;
  check: Check;
  message: string;
  data: TemplateData;
  /** Moves that would fix it, best first; one is offered when it breaks no other rule. */
  moves: Move[];
}

function checkChain(chain: MiddlewareChain, entries: readonly MiddlewareEntry[], root: string, report: Report): void {
  const problems = problemsOf(entries);
  // What the chain breaks now, read once for every move tried.
  const before = new Set(problems.map(problemKey));
  for (const problem of problems) {
    const { entry, other } = problem;
    const move = problem.moves.find((candidate) => isSafe(entries, candidate, problem, before));
    const via = other.via ? ` (through ${other.via.call})` : '';
    report(problem.check, entry.location, {
      message: problem.message,
      data: { ...problem.data, where: whereFrom(entry, other, root) },
      fixes: move ? [moveEntryPlan(chain, move.mover, move.anchor, move.where, moveTitle(move.mover, move.where, move.anchor))] : [],
      related: [{ location: other.location, message: dependencyOrder.text('relatedRegistered', { entry: other.name, via }) }],
    });
  }
}

const problemKey = (p: Problem) =>
  `${p.check.id}|${p.entry.location.range.start.line}:${p.entry.location.range.start.character}|${p.message}|${JSON.stringify(p.data)}`;

function problemsOf(entries: readonly MiddlewareEntry[]): Problem[] {
  const problems: Problem[] = [];
  entries.forEach((entry, index) => {
    const earlier = entries.slice(0, index);
    const later = entries.slice(index + 1);
    for (const needs of NEEDS.filter((n) => n.role === entry.role)) {
      const missing = later.filter(
        (other) => (needs.after as readonly string[]).includes(other.role ?? '') && !earlier.some((e) => e.role === other.role),
      );
      if (missing.length > 0) {
        const needed = missing[0];
        problems.push({
          entry,
          other: needed,
          check: needs.check,
          message: needs.message,
          data: { entry: entry.name, needed: needed.name },
          moves: [
            { mover: needed, anchor: entry, where: 'before' },
            { mover: entry, anchor: needed, where: 'after' },
          ],
        });
      }
    }
    const routesBefore = earlier.filter((e) => e.role === 'routes');
    if (entry.role && BEFORE_ROUTES.has(entry.role as BeforeRoutes) && routesBefore.length > 0 && !entry.name.startsWith('/')) {
      problems.push({
        entry,
        other: routesBefore[0],
        check: afterRoutes,
        message: 'message',
        data: {
          entry: entry.name,
          count: routesBefore.length,
          routes: routesBefore.length === 1 ? 'route' : 'routes',
          listed: routesBefore
            .slice(0, 3)
            .map((r) => r.name)
            .join(', '),
          effect: afterRoutes.text(entry.role as BeforeRoutes),
        },
        moves: [{ mover: entry, anchor: routesBefore[0], where: 'before' }],
      });
    }
    const session = entry.role === 'static' ? earlier.find((e) => e.role === 'session') : undefined;
    if (session) {
      problems.push({
        entry,
        other: session,
        check: staticAfterSession,
        message: 'message',
        data: { entry: entry.name, session: session.name },
        moves: [{ mover: entry, anchor: session, where: 'before' }],
      });
    }
    const dependent = entry.role === 'trust-proxy' ? earlier.find((e) => NEEDS_TRUST_PROXY.has(e.role ?? '')) : undefined;
    if (dependent) {
      problems.push({
        entry,
        other: dependent,
        check: trustProxyLate,
        message: 'message',
        data: { dependent: dependent.name },
        moves: [{ mover: entry, anchor: dependent, where: 'before' }],
      });
    }
    const routesAfter = entry.role === 'error-handler' ? later.filter((e) => e.role === 'routes') : [];
    if (routesAfter.length > 0) {
      problems.push({
        entry,
        other: routesAfter[0],
        check: errorHandlerBeforeRoutes,
        message: 'message',
        data: {
          routes: routesAfter
            .map((r) => r.name)
            .slice(0, 3)
            .join(', '),
        },
        moves: [
          { mover: entry, anchor: entries[entries.length - 1], where: 'after' },
          { mover: entry, anchor: routesAfter[routesAfter.length - 1], where: 'after' },
        ],
      });
    }
  });
  return problems;
}

/**
 * Whether the move is one edit that is right: both statements in one block, and the chain it leaves
 * breaks no rule that the chain did not already break (the fixed problem gone).
 */
function isSafe(entries: readonly MiddlewareEntry[], move: Move, fixed: Problem, before: ReadonlySet<string>): boolean {
  if (!canMoveNextTo(move.mover, move.anchor)) return false;
  const rest = entries.filter((e) => e !== move.mover);
  const at = rest.indexOf(move.anchor) + (move.where === 'after' ? 1 : 0);
  const moved = [...rest.slice(0, at), move.mover, ...rest.slice(at)];
  return problemsOf(moved)
    .map(problemKey)
    .every((key) => before.has(key) && key !== problemKey(fixed));
}

/**
 * When the two entries are in different files, or one comes from a setup function: where the other one is
 * registered, and the call that registered the flagged one when a setup function did (the finding is at
 * the entry itself, so its own place goes without saying).
 */
function whereFrom(entry: MiddlewareEntry, other: MiddlewareEntry, root: string): string {
  if (entry.location.file === other.location.file && !entry.via && !other.via) return '';
  // A place in the flagged entry's own file is a line of it.
  const at = (location: MiddlewareEntry['location']) =>
    `${location.file === entry.location.file ? 'line ' : `${relative(root, location.file)}:`}${location.range.start.line + 1}`;
  const through = (e: MiddlewareEntry) => (e.via ? `, through ${e.via.call} at ${at(e.via.location)}` : '');
  const own = entry.via ? `${entry.name}${through(entry).slice(1)}; ` : '';
  return ` (${own}${other.name}: ${at(other.location)}${through(other)})`;
}
