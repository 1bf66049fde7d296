// The Middleware view's tree as plain data: labels, descriptions, tooltips and children of each
// app's chain, built from the JSON model. middleware.ts turns the rows into VS Code tree items; kept
// apart so the tree can be checked without an editor.
import { shortEntryName } from '../../../server/src/protocol/entry-names';
import type { JsonChain, JsonMiddlewareEntry } from '../../../server/src/protocol/model-json';
import { foldRoutes, isRoute } from './route-groups';
import { findingMark, plural, type Row } from './row';

export type RowIcon = 'chain' | 'stage' | 'broken-stage' | 'entry' | 'plugin' | 'router' | 'routes' | 'error' | 'warning' | 'info';

export type MiddlewareRow = Row<RowIcon>;

/** An entry's mark: its most severe finding (hints are not marked; a model without `worst` predates it: error). */
const findingIcon = (entry: JsonMiddlewareEntry): RowIcon | undefined =>
  findingMark(entry.worst) ?? (entry.findings.length && !entry.worst ? 'error' : undefined);
const basename = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/** NestJS stages in the order a request meets them, with their group labels. */
const NEST_STAGES: [stage: string, label: string][] = [
  ['global', 'Global middleware (app.use)'],
  ['module', 'Module middleware (consumer.apply)'],
  ['guard', 'Guards'],
  ['interceptor', 'Interceptors'],
  ['pipe', 'Pipes'],
  ['filter', 'Exception filters'],
];

/**
 * One app's chain in order; an entry that breaks a rule shows an error icon and the finding.
 * Fastify apps nest the entries of each encapsulation context under the plugin that opens it;
 * NestJS apps group entries by lifecycle stage; an Express router's mount point holds the router's
 * own entries. Routes fold into a group (route-groups.ts): on a real app they are most of the
 * chain, and the order of the middleware is what the view is for. A router (a chain of routes
 * only) starts folded.
 */
export function chainRow(chain: JsonChain): MiddlewareRow {
  const router = chain.chain.length > 0 && chain.chain.every(isRoute);
  return {
    label: chain.app,
    description: `${chain.stack} · ${router ? `${plural(chain.chain.length, 'route')} · ` : ''}${chain.file}`,
    tooltip: [],
    icon: router ? 'router' : 'chain',
    at: { file: chain.file, line: chain.line },
    children: childrenOf(chain),
    expanded: !router,
  };
}

function childrenOf(chain: JsonChain): MiddlewareRow[] {
  if (chain.chain.some((entry) => entry.stage)) {
    return NEST_STAGES.flatMap(([stage, label]): MiddlewareRow[] => {
      const entries = chain.chain.filter((entry) => (entry.stage ?? 'global') === stage);
      if (entries.length === 0) return [];
      const broken = entries.some((entry) => entry.worst === 'error' || entry.worst === 'warning');
      return [
        {
          label,
          description: `${entries.length}`,
          tooltip: [],
          icon: broken ? 'broken-stage' : 'stage',
          children: foldRoutes(
            entries,
            entries.map((entry, index) => entryRow(entry, index, [])),
          ),
          expanded: true,
        },
      ];
    });
  }
  return contextRows(chain.chain, undefined);
}

/** The entries registered directly in `context` (absent: the app's own), each plugin with the context it opens beneath it. */
function contextRows(entries: readonly JsonMiddlewareEntry[], context: string | undefined): MiddlewareRow[] {
  const here = entries.filter((entry) => entry.context === context);
  return foldRoutes(
    here,
    here.map((entry, index) => entryRow(entry, index, entry.opens !== undefined ? contextRows(entries, entry.opens) : [])),
  );
}

function entryRow(entry: JsonMiddlewareEntry, index: number, opened: MiddlewareRow[]): MiddlewareRow {
  // A router's mount point lists the router's own entries, in the order they run after it is reached.
  const inner = entry.mounted ?? [];
  const mounted = foldRoutes(
    inner,
    inner.map((mountedEntry, i) => entryRow(mountedEntry, i, [])),
  );
  const via = entry.via ? `via ${entry.via.call} · ${basename(entry.via.file)}:${entry.via.line}` : '';
  const description = [
    entry.role,
    entry.scope,
    entry.module,
    entry.routes ? `for ${entry.routes}` : '',
    via,
    entry.reads?.length ? `reads ${entry.reads.join(', ')}` : '',
    entry.findings.length ? entry.findings[0].split(':')[0] : '',
  ];
  const tooltip = [
    `\`${entry.name}\``,
    ...(entry.opens ? [`Opens the context \`${entry.opens}\``] : []),
    ...(entry.via
      ? [`Registered at ${entry.file}:${entry.line}, through \`${entry.via.call}\` at ${entry.via.file}:${entry.via.line}`]
      : []),
    ...(entry.mounted?.length ? [`Mounts a router of ${entry.mounted.length} ${entry.mounted.length === 1 ? 'entry' : 'entries'}`] : []),
    ...entry.findings.map((finding) => `$(${findingIcon(entry) ?? 'info'}) ${finding}`),
  ];
  const children = [...opened, ...mounted];
  return {
    label: `${index + 1}. ${shortEntryName(entry.name)}`,
    description: description.filter(Boolean).join(' · '),
    tooltip,
    icon: findingIcon(entry) ?? (entry.opens !== undefined ? 'plugin' : entry.mounted?.length ? 'router' : 'entry'),
    at: { file: entry.file, line: entry.line, column: entry.column },
    children,
    // A plugin's context is part of the app's order, unless it only holds routes; a router's routes
    // are its own list, opened on demand.
    expanded: opened.length > 0 && !opened.every((row) => row.kind === 'route'),
    ...(isRoute(entry) ? { kind: 'route' } : {}),
  };
}
