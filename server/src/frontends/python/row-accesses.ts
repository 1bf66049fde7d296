// What code reads from one object: the attribute chains rooted at a name (`book.author.name`,
// `self.tags.all()`), and the places that turn it into text (`str(book)`, `f"{book}"`), which
// run its `__str__`.
import type { Node } from 'web-tree-sitter';
import type { RowAccess } from '../../model/types';
import { callParts, locationOf, MAX_CHAIN, walk } from './syntax';

/** Attribute chains rooted at `name` anywhere below `scope`, longest chains only. */
export function rowAccesses(scope: Node, name: string, file: string): RowAccess[] {
  const accesses: RowAccess[] = [];
  for (const { node, parent } of walk(scope)) {
    if (node.type === 'attribute') {
      // `book.author` inside `book.author.name` is part of the longer chain.
      if (parent?.type === 'attribute' && parent.childForFieldName('object')?.id === node.id) continue;
      let path = chainFrom(node, name);
      if (!path) continue;
      // `book.author = other` sets the relation's cache and key without a query (the descriptors' __set__);
      // only what leads to the assigned attribute is read (`book.author.name = x` reads `book.author`).
      if (isAssigned(node)) path = path.slice(0, -1);
      if (path.length === 0) continue;
      const isCall = parent?.type === 'call' && parent.childForFieldName('function')?.id === node.id;
      if (isCall) accesses.push({ path: path.slice(0, -1), call: path[path.length - 1], location: locationOf(file, parent) });
      else accesses.push({ path, location: locationOf(file, node) });
    } else if (node.type === 'call' && stringifies(node, name)) {
      accesses.push({ path: [], call: '__str__', location: locationOf(file, node) });
    } else if (node.type === 'interpolation' && node.namedChildren[0]?.type === 'identifier' && node.namedChildren[0]?.text === name) {
      accesses.push({ path: [], call: '__str__', location: locationOf(file, node) });
    }
  }
  return accesses;
}

/** The target of `=` or `del`, alone or in a tuple of targets (`obj.fk, created = ...`). */
function isAssigned(node: Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent && ['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'tuple', 'list'].includes(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type === 'assignment') return parent.childForFieldName('left')?.id === child.id;
  return parent?.type === 'delete_statement';
}

/** `book.author.name` with root `book` → ['author', 'name']; undefined when rooted elsewhere. */
function chainFrom(node: Node, root: string): string[] | undefined {
  const path: string[] = [];
  let current: Node | null = node;
  while (current?.type === 'attribute') {
    // Longer than anyone writes: generated code, and no access worth a finding.
    if (path.length === MAX_CHAIN) return undefined;
    const attribute = current.childForFieldName('attribute');
    if (!attribute) return undefined;
    path.push(attribute.text);
    current = current.childForFieldName('object');
  }
  return current?.type === 'identifier' && current.text === root ? path.reverse() : undefined;
}

/** `str(book)`: the model's `__str__` runs. */
function stringifies(call: Node, name: string): boolean {
  const { callee, positional } = callParts(call);
  return callee === 'str' && positional.length === 1 && positional[0].type === 'identifier' && positional[0].text === name;
}
