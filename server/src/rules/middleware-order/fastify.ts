// Fastify plugins in registration order: @fastify/session needs @fastify/cookie registered before
// it, and @fastify/csrf-protection needs the cookie or session plugin that stores its secret.
import type { Finding, MiddlewareChain, ProjectModel } from '../../model/types';

export function checkFastifyPlugins(model: ProjectModel): Finding[] {
  return model.middleware.filter((chain) => chain.stack === 'fastify').flatMap(checkChain);
}

function checkChain(chain: MiddlewareChain): Finding[] {
  const findings: Finding[] = [];
  const index = (name: string) => chain.entries.findIndex((entry) => entry.name === name);
  const cookie = index('@fastify/cookie');
  const session = index('@fastify/session');
  if (session !== -1 && cookie > session) {
    findings.push(finding(chain, session, 'error', '@fastify/session is registered before @fastify/cookie, which it needs to read and set its cookie: it fails to load. Register @fastify/cookie first.', cookie));
  }
  const csrf = index('@fastify/csrf-protection');
  const storage = [cookie, session, index('@fastify/secure-session')].filter((i) => i !== -1);
  if (csrf !== -1 && storage.length > 0 && storage.every((i) => i > csrf)) {
    findings.push(finding(chain, csrf, 'error', '@fastify/csrf-protection is registered before the cookie or session plugin that stores its secret. Register that plugin first.', Math.min(...storage)));
  }
  return findings;
}

function finding(chain: MiddlewareChain, at: number, severity: Finding['severity'], message: string, other: number): Finding {
  const entry = chain.entries[at];
  return {
    rule: 'middleware-order',
    severity,
    file: entry.location.file,
    range: entry.location.range,
    message,
    fixes: [],
    related: [{ location: chain.entries[other].location, message: `${chain.entries[other].name} is registered here` }],
  };
}
