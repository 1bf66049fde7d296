// express-session's `cookie.secure: 'auto'` marks the cookie Secure only when the request is secure
// (`req.secure`, unless the session's own `proxy` option says otherwise). Behind a TLS-terminating proxy
// the app receives plain HTTP, and Express reads the protocol from X-Forwarded-Proto only once
// `trust proxy` is set: without it the cookie goes out without Secure. (@fastify/session's 'auto' reads
// X-Forwarded-Proto itself, whatever Fastify's `trustProxy` is, so it is not checked.)
import type { MiddlewareChain, SessionConfig } from '../../model/types';
import type { Report } from '../rule';
import { autoSecureUntrustedProxy } from './checks/auto-secure-untrusted-proxy';
import { optionOf } from './express-options';
import { registers } from './session-chains';

/** `secure: 'auto'` on a session registered on an Express app (known) that never sets `trust proxy`. */
export function checkAutoSecure(session: SessionConfig, chains: readonly MiddlewareChain[], report: Report): void {
  const options = session.options;
  if (!options) return;
  const cookie = optionOf(options, 'cookie');
  if (cookie.state !== 'present' || cookie.value.kind !== 'object') return;
  const secure = cookie.value.entries.find((entry) => entry.key === 'secure');
  if (!secure || secure.value.kind !== 'string' || secure.value.value !== 'auto') return;
  // `proxy: true` trusts X-Forwarded-Proto for this cookie whatever `trust proxy` is (and `false` never does): the author chose.
  if (optionOf(options, 'proxy').state !== 'absent') return;
  const app = appOf(session, chains);
  if (!app || app.entries.some((entry) => entry.role === 'trust-proxy')) return;
  report(autoSecureUntrustedProxy, secure.location);
}

/**
 * The Express app whose chain registers this session: directly, through a project function it is handed to,
 * or in a router it mounts. A router's own chain is not an app (its settings are the mounting app's), and a
 * session registered where no chain shows (a variable used elsewhere, a router mounted nowhere) has no known app.
 */
function appOf(session: SessionConfig, chains: readonly MiddlewareChain[]): MiddlewareChain | undefined {
  return chains.find((chain) => chain.stack === 'express' && !chain.router && registers(chain, session));
}
