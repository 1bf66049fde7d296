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
import type { Finding, Fix, MiddlewareChain, MiddlewareEntry, ProjectModel } from '../../model/types';
import { entryFinding } from './entry-finding';
import { moveStatement } from './express-edits';

const PROVIDERS: Record<string, { role: string; what: string }> = {
  session: { role: 'session', what: 'req.session' },
  user: { role: 'passport-session', what: 'req.user' },
};

export function checkNestMiddleware(model: ProjectModel): Finding[] {
  const nest = [...model.files.values()].map((facts) => facts.nest).filter((facts) => facts !== undefined);
  const project = {
    // Anything that sets up sessions or restores logins anywhere: a helper the chain does not show may apply it.
    sessions: model.sessions.length > 0 || model.middleware.some((chain) => chain.entries.some((e) => e.role === 'session')),
    passportSession: nest.some((facts) => facts.passportSession.length > 0),
    serializer: nest.flatMap((facts) => facts.serializers)[0],
  };
  return model.middleware.filter((chain) => chain.stack === 'nest').flatMap((chain) => checkChain(chain, project));
}

function checkChain(chain: MiddlewareChain, project: { sessions: boolean; passportSession: boolean; serializer?: { file: string } }): Finding[] {
  const findings: Finding[] = [];
  const middleware = chain.entries.filter((e) => e.stage === 'global' || e.stage === 'module');
  const origin = (entry: MiddlewareEntry) => `${entry.name} (${entry.scope ? `@UseGuards on ${entry.scope}, ` : entry.module ? `${entry.module}, ` : entry.stage === 'global' ? 'app.use, ' : ''}${basename(entry.location.file)}:${entry.location.range.start.line + 1})`;
  middleware.forEach((entry, index) => {
    for (const read of entry.reads ?? []) {
      const provider = PROVIDERS[read];
      if (!provider) continue;
      const earlier = middleware.slice(0, index).some((e) => e.role === provider.role);
      const later = middleware.slice(index + 1).find((e) => e.role === provider.role && mayMeet(entry, e));
      if (earlier || !later) continue;
      const fix = moveStatement(later, entry, 'before');
      const order =
        entry.module === later.module
          ? `${entry.module}'s configure() applies it later`
          : 'Nest runs app.use middleware first, then module middleware module by module: the root module, then the modules it imports';
      findings.push(
        finding(entry, 'error', `${origin(entry)} reads ${provider.what}, but ${origin(later)}, which sets it, runs after it (${order}): ${provider.what} is undefined here. ${entry.module === later.module ? `Apply ${later.name} first.` : `Apply ${later.name} with app.use in main.ts (global middleware run first), or in ${entry.module} before ${entry.name}.`}`, later, fix),
      );
    }
  });
  if (chain.nestAdapter === 'fastify') return findings;
  const guards = chain.entries.filter((e) => e.stage === 'guard');
  // An earlier guard of the same route that runs a passport strategy (AuthGuard('jwt')) sets req.user itself.
  const restoredBefore = (guard: MiddlewareEntry) =>
    guards.slice(0, guards.indexOf(guard)).some((e) => e.role === 'authenticate' && (!e.scope || e.scope === guard.scope || guard.scope?.startsWith(`${e.scope}.`)));
  for (const guard of guards) {
    const reads = guard.reads ?? [];
    if (reads.includes('session') && !middleware.some((e) => e.role === 'session') && !project.sessions) {
      findings.push(finding(guard, 'warning', `${origin(guard)} reads the session (req.session, or passport's logIn, which stores the user in it), but no session middleware is applied: guards run after all middleware, and without app.use(session(...)) there is no req.session ("Login sessions require session support").`));
    }
    if (reads.includes('user') && project.serializer && !middleware.some((e) => e.role === 'passport-session') && !project.passportSession && !restoredBefore(guard)) {
      findings.push(
        finding(guard, 'warning', `${origin(guard)} reads req.user, which passport.session() restores from the session on each request after the login; the app keeps logins in the session (a PassportSerializer in ${basename(project.serializer.file)}) but never applies passport.session(), so req.user is undefined after the login request. Add app.use(passport.session()) after the session middleware in main.ts.`),
      );
    }
  }
  return findings;
}

/** Both can run on one request: unless both are applied `forRoutes` of distinct controllers. */
const mayMeet = (a: MiddlewareEntry, b: MiddlewareEntry) => !a.controllers || !b.controllers || a.controllers.some((c) => b.controllers!.includes(c));


/** A finding on `entry`, pointing at the middleware it conflicts with, when there is one. */
const finding = (entry: MiddlewareEntry, severity: Finding['severity'], message: string, other?: MiddlewareEntry, fix?: Fix) => entryFinding(entry, severity, message, other && { entry: other, verb: 'applied' }, fix);
