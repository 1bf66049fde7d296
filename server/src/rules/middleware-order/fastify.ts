// Fastify plugins, hooks and routes, in load order across encapsulation contexts. A plugin sees what
// is registered before it in its own context or an enclosing one; what a sibling plugin registers
// without fastify-plugin stays in that plugin's context. So: @fastify/session needs @fastify/cookie
// registered before it where it can see it, @fastify/csrf-protection needs the cookie or session
// plugin that stores its secret, and a hook or route that reads `request.session` needs a session
// plugin in its context (an onRequest hook, before it: the session is loaded by the plugin's own
// onRequest hook, and hooks run in the order they are added). A NestJS app on the Fastify adapter is
// checked the same way, on the plugins main.ts registers (its global entries).
import { CONTEXT_SEPARATOR } from '../../model/fastify-contexts';
import type { Finding, Fix, MiddlewareChain, MiddlewareEntry, ProjectModel } from '../../model/types';
import { entryFinding } from './entry-finding';
import { moveStatement } from './express-edits';

const STORAGE = ['@fastify/cookie', '@fastify/session', '@fastify/secure-session'];

export function checkFastifyPlugins(model: ProjectModel): Finding[] {
  return model.middleware
    .flatMap((chain) => (chain.stack === 'fastify' ? [chain] : chain.stack === 'nest' && chain.nestAdapter === 'fastify' ? [{ ...chain, entries: chain.entries.filter((e) => e.stage === 'global') }] : []))
    .flatMap(checkChain);
}

/** `inner` is registered in `outer`'s context or one nested in it. */
const sees = (inner: MiddlewareEntry, outer: MiddlewareEntry) =>
  outer.context === undefined || inner.context === outer.context || (inner.context ?? '').startsWith(`${outer.context}${CONTEXT_SEPARATOR}`);

function checkChain(chain: MiddlewareChain): Finding[] {
  const findings: Finding[] = [];
  const entries = chain.entries;
  const where = (entry: MiddlewareEntry) => (entry.context === undefined ? `the root context of \`${chain.app}\`` : `the context \`${entry.context}\``);
  /** What `entry` needs, among `candidates`: registered before it where it sees it, or why not. */
  const needs = (entry: MiddlewareEntry, candidates: MiddlewareEntry[]) => {
    const at = entries.indexOf(entry);
    const visible = candidates.filter((c) => sees(entry, c));
    if (visible.some((c) => entries.indexOf(c) < at)) return { ok: true as const };
    return { ok: false as const, later: visible.find((c) => entries.indexOf(c) > at), elsewhere: candidates.find((c) => !sees(entry, c)) };
  };
  const elsewhere = (entry: MiddlewareEntry, other: MiddlewareEntry) =>
    `${entry.name} is registered in ${where(entry)}, which does not see ${other.name} registered in ${where(other)}: a plugin registered without fastify-plugin keeps what it registers to its own context. Register ${other.name} in an enclosing context, or wrap the plugin that registers it in fastify-plugin.`;

  for (const session of entries.filter((e) => e.name === '@fastify/session')) {
    const result = needs(session, entries.filter((e) => e.name === '@fastify/cookie'));
    if (result.ok) continue;
    if (result.later) {
      const fix = moveStatement(result.later, session, 'before');
      findings.push(finding(session, 'error', `@fastify/session is registered before @fastify/cookie, which it needs to read and set its cookie: it fails to load ("The dependency '@fastify/cookie' of plugin '@fastify/session' is not registered"). Register @fastify/cookie first.`, result.later, fix));
    } else if (result.elsewhere) {
      findings.push(finding(session, 'error', elsewhere(session, result.elsewhere), result.elsewhere));
    }
  }
  for (const csrf of entries.filter((e) => e.name === '@fastify/csrf-protection')) {
    const result = needs(csrf, entries.filter((e) => STORAGE.includes(e.name)));
    if (result.ok) continue;
    if (result.later) {
      const fix = moveStatement(result.later, csrf, 'before');
      findings.push(finding(csrf, 'error', `@fastify/csrf-protection is registered before the cookie or session plugin that stores its secret (${result.later.name}). Register that plugin first.`, result.later, fix));
    } else if (result.elsewhere) {
      findings.push(finding(csrf, 'error', elsewhere(csrf, result.elsewhere), result.elsewhere));
    }
  }
  const sessions = entries.filter((e) => e.role === 'session');
  for (const reader of entries.filter((e) => e.reads?.includes('session'))) {
    const kind = reader.role === 'hook' ? `The ${reader.hook} hook` : `The route ${reader.name}`;
    const visible = sessions.filter((s) => sees(reader, s));
    if (sessions.length > 0 && visible.length === 0) {
      const session = sessions[0];
      findings.push(finding(reader, 'error', `${kind} reads request.session in ${where(reader)}, which does not see ${session.name} registered in ${where(session)}: a plugin registered without fastify-plugin keeps its hooks and decorators to its own context, so request.session is undefined here. Register the session plugin in an enclosing context, or wrap the plugin that registers it in fastify-plugin.`, session));
    } else if (reader.hook === 'onRequest' && visible.length > 0 && visible.every((s) => entries.indexOf(s) > entries.indexOf(reader))) {
      const session = visible[0];
      const fix = moveStatement(session, reader, 'before');
      findings.push(finding(reader, 'error', `${kind} is added before ${session.name}, whose own onRequest hook loads request.session; hooks run in the order they are added, so this one sees no session. Register the session plugin first, or read the session in a preHandler hook.`, session, fix));
    }
  }
  return findings;
}

/** A finding on `entry` pointing at the plugin it conflicts with. */
const finding = (entry: MiddlewareEntry, severity: Finding['severity'], message: string, other: MiddlewareEntry, fix?: Fix) => entryFinding(entry, severity, message, { entry: other, verb: 'registered' }, fix);
