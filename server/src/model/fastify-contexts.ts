// Fastify encapsulation contexts are named by path (`app › auth › admin`). Entries read from a plugin or
// helper of another file name their contexts relative to that function's own; where the function
// joins an app's tree, they are placed under the context it runs in.
import type { MiddlewareEntry } from './types';

export const CONTEXT_SEPARATOR = ' › ';

/**
 * `entries` with relative contexts, placed where they run: the function's own top level becomes `top`
 * (absent: the app's root context), a relative context `x` becomes `prefix › x`.
 */
export function placeEntries(entries: readonly MiddlewareEntry[], top: string | undefined, prefix: string | undefined): MiddlewareEntry[] {
  const inside = (relative: string) => (prefix === undefined ? relative : `${prefix}${CONTEXT_SEPARATOR}${relative}`);
  return entries.map((entry) => {
    const { context: relative, opens, ...rest } = entry;
    const context = relative === undefined ? top : inside(relative);
    return { ...rest, ...(context !== undefined ? { context } : {}), ...(opens !== undefined ? { opens: inside(opens) } : {}) };
  });
}
