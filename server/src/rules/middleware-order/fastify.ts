// Fastify plugins, hooks and routes, in load order across encapsulation contexts. A plugin sees what
// is registered before it in its own context or an enclosing one; what a sibling plugin registers
// without fastify-plugin stays in that plugin's context. So: @fastify/session needs @fastify/cookie
// registered before it where it can see it, @fastify/csrf-protection needs the cookie or session
// plugin that stores its secret, and a hook or route that reads `request.session` needs a session
// plugin in its context (an onRequest hook, before it: the session is loaded by the plugin's own
// onRequest hook, and hooks run in the order they are added). A NestJS app on the Fastify adapter is
// checked the same way, on the plugins main.ts registers (its global entries).
import { CONTEXT_SEPARATOR } from '../../model/fastify-contexts';
import type { MiddlewareChain, MiddlewareEntry, ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { dependencyOrder } from './checks/dependency-order';
import { notInScope } from './checks/not-in-scope';
import { moveEntryPlan, moveTitle } from './move-plans';

const STORAGE = ['@fastify/cookie', '@fastify/session', '@fastify/secure-session'];

export function checkFastifyPlugins(model: ProjectModel, report: Report): void {
  const chains = model.middleware.flatMap((chain) =>
    chain.stack === 'fastify'
      ? [chain]
      : chain.stack === 'nest' && chain.nestAdapter === 'fastify'
        ? [{ ...chain, entries: chain.entries.filter((e) => e.stage === 'global') }]
        : [],
  );
  for (const chain of chains) checkChain(chain, report);
}

/** `inner` is registered in `outer`'s context or one nested in it. */
const sees = (inner: MiddlewareEntry, outer: MiddlewareEntry) =>
  outer.context === undefined ||
  inner.context === outer.context ||
  (inner.context ?? '').startsWith(`${outer.context}${CONTEXT_SEPARATOR}`);

function checkChain(chain: MiddlewareChain, report: Report): void {
  const entries = chain.entries;
  const where = (entry: MiddlewareEntry) =>
    entry.context === undefined ? notInScope.text('root', { app: chain.app }) : notInScope.text('context', { context: entry.context });
  /** What `entry` needs, among `candidates`: registered before it where it sees it, or why not. */
  const needs = (entry: MiddlewareEntry, candidates: MiddlewareEntry[]) => {
    const at = entries.indexOf(entry);
    const visible = candidates.filter((c) => sees(entry, c));
    if (visible.some((c) => entries.indexOf(c) < at)) return { ok: true as const };
    return { ok: false as const, later: visible.find((c) => entries.indexOf(c) > at), elsewhere: candidates.find((c) => !sees(entry, c)) };
  };
  const related = (other: MiddlewareEntry) => [
    { location: other.location, message: dependencyOrder.text('relatedRegistered', { entry: other.name, via: '' }) },
  ];
  const moveBefore = (mover: MiddlewareEntry, anchor: MiddlewareEntry) =>
    moveEntryPlan(chain, mover, anchor, 'before', moveTitle(mover, 'before', anchor));
  const notSeen = (entry: MiddlewareEntry, other: MiddlewareEntry) =>
    report(notInScope, entry.location, {
      message: 'plugin',
      data: { entry: entry.name, context: where(entry), other: other.name, otherContext: where(other) },
      related: related(other),
    });

  for (const session of entries.filter((e) => e.name === '@fastify/session')) {
    const result = needs(
      session,
      entries.filter((e) => e.name === '@fastify/cookie'),
    );
    if (result.ok) continue;
    if (result.later)
      report(dependencyOrder, session.location, {
        message: 'fastifySession',
        fixes: [moveBefore(result.later, session)],
        related: related(result.later),
      });
    else if (result.elsewhere) notSeen(session, result.elsewhere);
  }
  for (const csrf of entries.filter((e) => e.name === '@fastify/csrf-protection')) {
    const result = needs(
      csrf,
      entries.filter((e) => STORAGE.includes(e.name)),
    );
    if (result.ok) continue;
    if (result.later) {
      report(dependencyOrder, csrf.location, {
        message: 'fastifyCsrf',
        data: { storage: result.later.name },
        fixes: [moveBefore(result.later, csrf)],
        related: related(result.later),
      });
    } else if (result.elsewhere) notSeen(csrf, result.elsewhere);
  }
  const sessions = entries.filter((e) => e.role === 'session');
  for (const reader of entries.filter((e) => e.reads?.includes('session'))) {
    const kind =
      reader.role === 'hook' ? notInScope.text('hook', { hook: reader.hook ?? '' }) : notInScope.text('route', { route: reader.name });
    const visible = sessions.filter((s) => sees(reader, s));
    if (sessions.length > 0 && visible.length === 0) {
      const session = sessions[0];
      report(notInScope, reader.location, {
        message: 'reader',
        data: { kind, context: where(reader), session: session.name, otherContext: where(session) },
        related: related(session),
      });
    } else if (reader.hook === 'onRequest' && visible.length > 0 && visible.every((s) => entries.indexOf(s) > entries.indexOf(reader))) {
      const session = visible[0];
      report(dependencyOrder, reader.location, {
        message: 'fastifyHook',
        data: { kind, session: session.name },
        fixes: [moveBefore(session, reader)],
        related: related(session),
      });
    }
  }
}
