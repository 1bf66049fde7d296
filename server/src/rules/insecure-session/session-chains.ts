// Which middleware chain registers a session: the app whose settings (`trust proxy`, `app.keys`) apply to it.
import { within } from '../../model/locations';
import type { MiddlewareChain, MiddlewareEntry, SessionConfig } from '../../model/types';

/** Whether the chain registers the session: in one of its entries, or in a router it mounts. */
export function registers(chain: MiddlewareChain, session: SessionConfig): boolean {
  const holds = (entries: readonly MiddlewareEntry[]): boolean =>
    entries.some((entry) => within(session.call, entry.location) || holds(entry.mounted ?? []));
  return holds(chain.entries);
}
