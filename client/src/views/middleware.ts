import * as vscode from 'vscode';
import type { JsonChain, JsonMiddlewareEntry } from '../../../server/src/model/serialize';
import type { FolderModel } from '../../../server/src/lsp/protocol';
import { node, type ViewNode } from './node';

/** `django.contrib.sessions.middleware.SessionMiddleware` → `SessionMiddleware`; Express entries stay as written. */
const shortName = (name: string) => (/^[\w.]+$/.test(name) ? name.slice(name.lastIndexOf('.') + 1) : name);

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
 * Each app's chain in order; an entry that breaks a rule shows an error icon and the finding.
 * Fastify apps nest the entries of each encapsulation context under the plugin that opens it;
 * NestJS apps group entries by lifecycle stage.
 */
export function middlewareNodes(folders: readonly FolderModel[]): ViewNode[] {
  return folders.flatMap(({ folder, model }) =>
    model.middleware.map((chain) =>
      node(chain.app, {
        description: `${chain.stack} · ${chain.file}`,
        icon: new vscode.ThemeIcon('layers'),
        at: { folder, file: chain.file, line: chain.line },
        expanded: true,
        children: childrenOf(chain, folder),
      }),
    ),
  );
}

function childrenOf(chain: JsonChain, folder: string): ViewNode[] {
  if (chain.chain.some((entry) => entry.stage)) {
    return NEST_STAGES.flatMap(([stage, label]) => {
      const entries = chain.chain.filter((entry) => (entry.stage ?? 'global') === stage);
      if (entries.length === 0) return [];
      const broken = entries.some((entry) => entry.findings.length > 0);
      return [
        node(label, {
          description: `${entries.length}`,
          icon: broken ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')) : new vscode.ThemeIcon('symbol-namespace'),
          expanded: true,
          children: entries.map((entry, index) => entryNode(entry, index, folder, [])),
        }),
      ];
    });
  }
  return contextNodes(chain.chain, undefined, folder);
}

/** The entries registered directly in `context` (absent: the app's own), each plugin with the context it opens beneath it. */
function contextNodes(entries: readonly JsonMiddlewareEntry[], context: string | undefined, folder: string): ViewNode[] {
  return entries
    .filter((entry) => entry.context === context)
    .map((entry, index) => entryNode(entry, index, folder, entry.opens !== undefined ? contextNodes(entries, entry.opens, folder) : []));
}

function entryNode(entry: JsonMiddlewareEntry, index: number, folder: string, children: ViewNode[]): ViewNode {
  const description = [entry.role, entry.module, entry.reads?.length ? `reads ${entry.reads.join(', ')}` : '', entry.findings.length ? entry.findings[0].split(':')[0] : ''];
  return node(`${index + 1}. ${shortName(entry.name)}`, {
    description: description.filter(Boolean).join(' · '),
    tooltip: new vscode.MarkdownString([`\`${entry.name}\``, ...(entry.opens ? [`Opens the context \`${entry.opens}\``] : []), ...entry.findings.map((finding) => `$(error) ${finding}`)].join('\n\n'), true),
    icon: entry.findings.length
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon(entry.opens !== undefined ? 'symbol-module' : 'arrow-small-down'),
    at: { folder, file: entry.file, line: entry.line, column: entry.column },
    ...(children.length ? { children, expanded: true } : {}),
  });
}
