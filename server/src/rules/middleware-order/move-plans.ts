// Fix plans that move one entry of a chain next to another. The frontend that owns the file writes the
// move, and refuses it where one edit cannot move exactly that entry.
import type { FixPlan } from '../../model/fix-plans';
import type { MiddlewareChain, MiddlewareEntry } from '../../model/types';

export function moveEntryPlan(
  chain: MiddlewareChain,
  entry: MiddlewareEntry,
  anchor: MiddlewareEntry,
  where: 'before' | 'after',
  title: string,
): FixPlan {
  return { title, preferred: true, changes: [{ kind: 'move-entry', chain, entry, anchor, where }] };
}

/** The title every "move this registration" fix of a TypeScript chain shares: `Move session before passport.session`. */
export function moveTitle(entry: MiddlewareEntry, where: 'before' | 'after', anchor: MiddlewareEntry): string {
  return `Move ${label(entry)} ${where} ${label(anchor)}`;
}

/** How a chain entry is called in a fix title. */
function label(entry: MiddlewareEntry): string {
  if (entry.role === 'error-handler') return 'the error handler';
  // An inline function is named by its parameters, which say little in a title.
  return entry.name.endsWith('=> {…}') ? `the middleware on line ${entry.location.range.start.line + 1}` : entry.name;
}
