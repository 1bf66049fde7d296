// Python imports as written: which modules a file loads (to know whether a receivers module is
// ever imported) and which names they bind (to recognise os.environ, models.Model, receiver).
import type { Node } from 'web-tree-sitter';
import { namedChildren } from './syntax';

export interface ImportBinding {
  /** The module as written, leading dots kept (`os`, `.base`, `django.db.models`). */
  module: string;
  /** The imported name (`environ` in `from os import environ`); '' for `import os`. */
  name: string;
  /** The local name it is bound to. */
  alias: string;
}

export interface ImportStatement {
  /** Every module the statement may load: `from a import b` loads `a` and maybe `a.b`. */
  modules: string[];
  bindings: ImportBinding[];
  /** `from x import *`: the module. */
  star?: string;
}

/** Reads one import statement; undefined for any other node. */
export function readImport(node: Node): ImportStatement | undefined {
  if (node.type === 'import_statement') {
    const bindings = node.childrenForFieldName('name').flatMap((name) => (name ? [plainImport(name)] : []));
    return { modules: bindings.map((binding) => binding.module), bindings };
  }
  if (node.type !== 'import_from_statement' && node.type !== 'future_import_statement') return undefined;
  const moduleNode = node.childForFieldName('module_name');
  const module = node.type === 'future_import_statement' ? '__future__' : (moduleNode?.text.replace(/\s+/g, '') ?? '');
  if (namedChildren(node).some((child) => child.type === 'wildcard_import')) return { modules: [module], bindings: [], star: module };
  const bindings: ImportBinding[] = node.childrenForFieldName('name').flatMap((name) => {
    if (!name) return [];
    const [imported, alias] =
      name.type === 'aliased_import'
        ? [name.childForFieldName('name')?.text ?? '', name.childForFieldName('alias')?.text ?? '']
        : [name.text, name.text];
    return [{ module, name: imported, alias }];
  });
  const join = (name: string) => (module.endsWith('.') ? `${module}${name}` : `${module}.${name}`);
  return { modules: [module, ...bindings.map((binding) => join(binding.name))], bindings };
}

function plainImport(name: Node): ImportBinding {
  if (name.type === 'aliased_import') {
    const module = name.childForFieldName('name')?.text ?? '';
    return { module, name: '', alias: name.childForFieldName('alias')?.text ?? module };
  }
  // `import a.b` binds `a`; reads of `a.b.x` go through it.
  return { module: name.text, name: '', alias: name.text };
}
