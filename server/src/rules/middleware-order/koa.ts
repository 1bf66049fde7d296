// Koa chains: koa-session registered before `app.keys` is set (it signs its cookie with them), and an
// error-handling middleware that is not first (Koa's onion: it catches only what runs after it).
import type { Finding, MiddlewareChain, MiddlewareEntry, ProjectModel } from '../../model/types';

export function checkKoaMiddleware(model: ProjectModel): Finding[] {
  return model.middleware.filter((chain) => chain.stack === 'koa').flatMap(checkChain);
}

const before = (a: { start: { line: number; character: number } }, b: { start: { line: number; character: number } }) =>
  a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);

function checkChain(chain: MiddlewareChain): Finding[] {
  const findings: Finding[] = [];
  const session = chain.entries.find((entry) => entry.role === 'session');
  if (session && chain.keys && before(session.location.range, chain.keys.location.range)) {
    findings.push(finding(session, 'error', 'koa-session is registered before `app.keys` is set: it signs the session cookie with the app keys and fails ("Please set app.keys") on requests until they exist. Set app.keys first.', chain.keys.location));
  }
  const handler = chain.entries.findIndex((entry) => entry.role === 'error-handler');
  if (handler > 0) {
    const earlier = chain.entries.slice(0, handler);
    findings.push(finding(chain.entries[handler], 'warning', `The error-handling middleware is registered after ${earlier.map((e) => e.name).slice(0, 3).join(', ')}: Koa's handlers catch only what runs after them, so errors in those reach Koa's default handler. Register it first.`, earlier[0].location));
  }
  return findings;
}

function finding(entry: MiddlewareEntry, severity: Finding['severity'], message: string, other: MiddlewareEntry['location']): Finding {
  return { rule: 'middleware-order', severity, file: entry.location.file, range: entry.location.range, message, fixes: [], related: [{ location: other, message: 'the other half of it' }] };
}
