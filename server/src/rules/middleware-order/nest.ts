// NestJS request pipeline: global middleware (`app.use` in main.ts), then module middleware
// (`consumer.apply(...)`, root module first), then guards. A middleware that reads req.session or
// req.user must come after the session or passport.session() middleware that sets it, and a guard
// that reads them needs that middleware applied at all — global guards and those @UseGuards binds to a
// controller or handler alike. The Express order rules also apply to the
// middleware part of the chain (see express.ts).
// Module middleware runs only on the routes of its `forRoutes(...)`. A reader and the later middleware
// that sets what it reads are an order problem only when some request meets both: when both are
// `forRoutes` of controller classes and no controller is in both lists, they never run on one request,
// and nothing is reported (req.user is then not set on the reader's routes at all, which moving the
// middleware would not change). Paths and route objects may match any controller, so they count as
// overlapping.
import { basename } from 'node:path';
import type { MiddlewareChain, MiddlewareEntry, ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { dependencyOrder } from './checks/dependency-order';
import { guardWithoutSession } from './checks/guard-without-session';
import { moveEntryPlan, moveTitle } from './move-plans';

const PROVIDERS: Record<string, { role: string; what: string }> = {
  session: { role: 'session', what: 'req.session' },
  user: { role: 'passport-session', what: 'req.user' },
};

export function checkNestMiddleware(model: ProjectModel, report: Report): void {
  const nest = model.nest;
  const project = {
    // Anything that sets up sessions or restores logins anywhere: a helper the chain does not show may apply it.
    sessions: model.sessions.length > 0 || model.middleware.some((chain) => chain.entries.some((e) => e.role === 'session')),
    passportSession: nest.some((facts) => facts.passportSession.length > 0),
    serializer: nest.flatMap((facts) => facts.serializers)[0],
  };
  for (const chain of model.middleware.filter((c) => c.stack === 'nest')) checkChain(chain, project, report);
}

function checkChain(
  chain: MiddlewareChain,
  project: { sessions: boolean; passportSession: boolean; serializer?: { file: string } },
  report: Report,
): void {
  const middleware = chain.entries.filter((e) => e.stage === 'global' || e.stage === 'module');
  const origin = (entry: MiddlewareEntry) =>
    `${entry.name} (${entry.scope ? `@UseGuards on ${entry.scope}, ` : entry.module ? `${entry.module}, ` : entry.stage === 'global' ? 'app.use, ' : ''}${basename(entry.location.file)}:${entry.location.range.start.line + 1})`;
  middleware.forEach((entry, index) => {
    for (const read of entry.reads ?? []) {
      const provider = PROVIDERS[read];
      if (!provider) continue;
      const earlier = middleware.slice(0, index).some((e) => e.role === provider.role);
      const later = middleware.slice(index + 1).find((e) => e.role === provider.role && mayMeet(entry, e));
      if (earlier || !later) continue;
      const data = { reader: origin(entry), what: provider.what, setter: origin(later), module: entry.module ?? '' };
      const sameModule = entry.module === later.module;
      report(dependencyOrder, entry.location, {
        message: 'nestReader',
        data: {
          ...data,
          order: sameModule ? dependencyOrder.text('nestSameModule', data) : dependencyOrder.text('nestOtherModule'),
          advice: sameModule
            ? dependencyOrder.text('nestApplyFirst', { setter: later.name })
            : dependencyOrder.text('nestApplyGlobally', { setter: later.name, module: entry.module ?? '', reader: entry.name }),
        },
        fixes: [moveEntryPlan(chain, later, entry, 'before', moveTitle(later, 'before', entry))],
        related: [{ location: later.location, message: dependencyOrder.text('relatedApplied', { entry: later.name }) }],
      });
    }
  });
  if (chain.nestAdapter === 'fastify') return;
  const guards = chain.entries.filter((e) => e.stage === 'guard');
  // An earlier guard of the same route that runs a passport strategy (AuthGuard('jwt')) sets req.user itself.
  const restoredBefore = (guard: MiddlewareEntry) =>
    guards
      .slice(0, guards.indexOf(guard))
      .some((e) => e.role === 'authenticate' && (!e.scope || e.scope === guard.scope || guard.scope?.startsWith(`${e.scope}.`)));
  for (const guard of guards) {
    const reads = guard.reads ?? [];
    if (reads.includes('session') && !middleware.some((e) => e.role === 'session') && !project.sessions) {
      report(guardWithoutSession, guard.location, { message: 'session', data: { guard: origin(guard) } });
    }
    if (
      reads.includes('user') &&
      project.serializer &&
      !middleware.some((e) => e.role === 'passport-session') &&
      !project.passportSession &&
      !restoredBefore(guard)
    ) {
      report(guardWithoutSession, guard.location, {
        message: 'user',
        data: { guard: origin(guard), serializer: basename(project.serializer.file) },
      });
    }
  }
}

/** Both can run on one request: unless both are applied `forRoutes` of distinct controllers. */
const mayMeet = (a: MiddlewareEntry, b: MiddlewareEntry) =>
  !a.controllers || !b.controllers || a.controllers.some((c) => b.controllers!.includes(c));
