// Koa chains: koa-session registered before `app.keys` is set (it signs its cookie with them), and an
// error-handling middleware that is not first (Koa's onion: it catches only what runs after it).
import type { MiddlewareChain, ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { dependencyOrder } from './checks/dependency-order';
import { koaErrorHandlerNotFirst } from './checks/koa-error-handler-not-first';

export function checkKoaMiddleware(model: ProjectModel, report: Report): void {
  for (const chain of model.middleware.filter((c) => c.stack === 'koa')) checkChain(chain, report);
}

const before = (a: { start: { line: number; character: number } }, b: { start: { line: number; character: number } }) =>
  a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);

function checkChain(chain: MiddlewareChain, report: Report): void {
  const session = chain.entries.find((entry) => entry.role === 'session');
  if (session && chain.keys && before(session.location.range, chain.keys.location.range)) {
    report(dependencyOrder, session.location, {
      message: 'koaKeys',
      related: [{ location: chain.keys.location, message: dependencyOrder.text('relatedKeys') }],
    });
  }
  const handler = chain.entries.findIndex((entry) => entry.role === 'error-handler');
  if (handler > 0) {
    const earlier = chain.entries.slice(0, handler);
    report(koaErrorHandlerNotFirst, chain.entries[handler].location, {
      message: 'message',
      data: {
        earlier: earlier
          .map((e) => e.name)
          .slice(0, 3)
          .join(', '),
      },
      related: [{ location: earlier[0].location, message: koaErrorHandlerNotFirst.text('related') }],
    });
  }
}
