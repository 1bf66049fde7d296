import * as vscode from 'vscode';
import type { FolderModel } from '../../../server/src/lsp/protocol';
import { node, type ViewNode } from './node';

/** `django.contrib.sessions.middleware.SessionMiddleware` → `SessionMiddleware`; Express entries stay as written. */
const shortName = (name: string) => (/^[\w.]+$/.test(name) ? name.slice(name.lastIndexOf('.') + 1) : name);

/** Each app's chain in order; an entry that breaks a rule shows an error icon and the finding. */
export function middlewareNodes(folders: readonly FolderModel[]): ViewNode[] {
  return folders.flatMap(({ folder, model }) =>
    model.middleware.map((chain) =>
      node(chain.app, {
        description: `${chain.stack} · ${chain.file}`,
        icon: new vscode.ThemeIcon('layers'),
        at: { folder, file: chain.file, line: chain.line },
        expanded: true,
        children: chain.chain.map((entry, index) =>
          node(`${index + 1}. ${shortName(entry.name)}`, {
            description: [entry.role, entry.findings.length ? entry.findings[0].split(':')[0] : ''].filter(Boolean).join(' · '),
            tooltip: new vscode.MarkdownString([`\`${entry.name}\``, ...entry.findings.map((finding) => `$(error) ${finding}`)].join('\n\n'), true),
            icon: entry.findings.length ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')) : new vscode.ThemeIcon('arrow-small-down'),
            at: { folder, file: entry.file, line: entry.line, column: entry.column },
          }),
        ),
      }),
    ),
  );
}
