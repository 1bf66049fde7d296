// Cookies a Django view writes itself: `response.set_cookie(name, value, secure=..., httponly=...)`.
import type { Node } from 'web-tree-sitter';
import type { CookieWrite, ObjectEntry } from '../../model/types';
import { callParts, descendants, locationOf, namedChildren, stringValue } from './syntax';
import { readValue, type ValueScope } from './values';

const COOKIE_METHODS = new Set(['set_cookie', 'set_signed_cookie']);

export function readCookieWrites(root: Node, scope: ValueScope): CookieWrite[] {
  const writes: CookieWrite[] = [];
  for (const node of descendants(root)) {
    if (node.type !== 'call') continue;
    const fn = node.childForFieldName('function');
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    if (!method || !COOKIE_METHODS.has(method)) continue;
    const { positional, keywords } = callParts(node);
    const entries: ObjectEntry[] = [...keywords].map(([key, value]) => ({
      key,
      value: readValue(value, scope),
      location: locationOf(scope.file, value.parent ?? value),
    }));
    const args = node.childForFieldName('arguments');
    const last = args
      ? namedChildren(args)
          .filter((arg) => arg.type !== 'comment')
          .pop()
      : undefined;
    // `set_cookie(key, value, ...)`: the name is the first argument or the `key` keyword.
    const nameNode = positional[0] ?? keywords.get('key');
    const name = nameNode ? stringValue(nameNode) : undefined;
    writes.push({
      method,
      ...(name !== undefined ? { name } : nameNode ? { nameExpression: nameNode.text } : {}),
      // `**options` hides keyword arguments: the write cannot be judged by what is missing.
      options: {
        kind: 'object',
        entries,
        location: locationOf(scope.file, node),
        ...(args && namedChildren(args).some((arg) => arg.type === 'dictionary_splat') ? { partial: true } : {}),
      },
      location: locationOf(scope.file, node),
      ...(last ? { argumentInsert: { line: last.endPosition.row, character: last.endPosition.column } } : {}),
    });
  }
  return writes;
}
