// Routes folded in the Middleware view. A real Express or Fastify app registers a few middleware
// and dozens of routes; listed inline, the routes bury the order the view is there to show. Each
// run of routes between middleware becomes one folded row (a run, not all routes at the first
// one's place: middleware registered after a route runs after it, and the view keeps that order).
import type { JsonMiddlewareEntry } from '../../../server/src/protocol/model-json';
import type { MiddlewareRow, RowIcon } from './middleware-tree';
import { plural } from './row';

/** A route handler (`GET /users`), as opposed to middleware, a mounted router or a plugin. */
export const isRoute = (entry: JsonMiddlewareEntry): boolean =>
  entry.role === 'routes' && !entry.mounted?.length && entry.opens === undefined;

/** Route names shown beside a folded group before it says how many more. */
const NAMED = 3;
const MARKS: readonly RowIcon[] = ['error', 'warning', 'info'];

/**
 * `rows[i]` is the row of `entries[i]`. Runs of two or more routes become one folded row each; a
 * list of routes only (a router's own, under its mount point) is returned as it is: its parent is
 * already their group.
 */
export function foldRoutes(entries: readonly JsonMiddlewareEntry[], rows: readonly MiddlewareRow[]): MiddlewareRow[] {
  if (entries.every(isRoute)) return [...rows];
  const out: MiddlewareRow[] = [];
  let run: MiddlewareRow[] = [];
  const flush = () => {
    out.push(...(run.length >= 2 ? [routeGroup(run)] : run));
    run = [];
  };
  entries.forEach((entry, i) => {
    if (isRoute(entry)) run.push(rows[i]);
    else {
      flush();
      out.push(rows[i]);
    }
  });
  flush();
  return out;
}

function routeGroup(routes: readonly MiddlewareRow[]): MiddlewareRow {
  const names = routes.map((row) => row.label.replace(/^\d+\. /, ''));
  const mark = MARKS.find((icon) => routes.some((row) => row.icon === icon));
  return {
    label: plural(routes.length, 'route'),
    description: names.length > NAMED ? `${names.slice(0, NAMED).join(', ')}, …` : names.join(', '),
    tooltip: [names.map((name) => `- \`${name}\``).join('\n')],
    icon: mark ?? 'routes',
    at: routes[0].at,
    children: [...routes],
    expanded: false,
    kind: 'routes',
  };
}
