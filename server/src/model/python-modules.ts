import { dirname, join } from 'node:path';

/**
 * The files a Python import can refer to, most specific first. `spec` keeps its leading dots
 * (`.base`, `..settings`, `shop.settings.base`). Absolute imports are tried against every ancestor
 * folder of the importing file, because the project's import root (where manage.py lives) is not
 * always the workspace root.
 */
export function importCandidates(fromFile: string, spec: string): string[] {
  const level = spec.length - spec.replace(/^\.+/, '').length;
  const parts = spec.slice(level).split('.').filter(Boolean);
  const asModule = (base: string) =>
    parts.length === 0 ? [join(base, '__init__.py')] : [join(base, ...parts) + '.py', join(base, ...parts, '__init__.py')];
  if (level > 0) {
    let base = dirname(fromFile);
    for (let i = 1; i < level; i++) base = dirname(base);
    return asModule(base);
  }
  const candidates: string[] = [];
  let base = dirname(fromFile);
  for (;;) {
    candidates.push(...asModule(base));
    const parent = dirname(base);
    if (parent === base) break;
    base = parent;
  }
  return candidates;
}

/** Resolves an import to a file the workspace has, or undefined (a third-party or missing module). */
export function resolveImport(fromFile: string, spec: string, hasFile: (file: string) => boolean): string | undefined {
  return importCandidates(fromFile, spec).find(hasFile);
}

/** A file's dotted module name: its path below the outermost folder of packages (folders with __init__.py). */
export function moduleName(file: string, hasFile: (file: string) => boolean): string {
  const name = file.replace(/\.py$/, '').split(/[\\/]/).pop()!;
  const parts = name === '__init__' ? [] : [name];
  let dir = dirname(file);
  while (hasFile(join(dir, '__init__.py'))) {
    parts.unshift(dir.split(/[\\/]/).pop()!);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return parts.join('.');
}
