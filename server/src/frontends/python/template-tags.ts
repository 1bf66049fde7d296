// Inclusion tags: `@register.inclusion_tag("shop/books.html")` renders its template with the
// dictionary the function returns, so a queryset in that dictionary feeds the template's loops.
import type { Node } from 'web-tree-sitter';
import type { QuerySite, TemplateRender } from '../../model/types';
import { readQueryChain } from './query-chains';
import { callParts, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

export function readInclusionTags(root: Node, file: string): TemplateRender[] {
  return namedChildren(root).flatMap((statement) => {
    if (statement.type !== 'decorated_definition') return [];
    const template = inclusionTemplate(statement);
    const fn = statement.childForFieldName('definition');
    if (!template || fn?.type !== 'function_definition') return [];
    const context = returnedContext(fn, file);
    return context.length ? [{ templates: [template], context, location: locationOf(file, fn.childForFieldName('name') ?? fn) }] : [];
  });
}

function inclusionTemplate(statement: Node): string | undefined {
  for (const decorator of namedChildren(statement)) {
    const call = decorator.type === 'decorator' ? decorator.namedChildren[0] : undefined;
    if (call?.type !== 'call') continue;
    const { callee, positional, keywords } = callParts(call);
    const name = positional[0] ?? keywords.get('filename');
    if (callee && lastSegment(callee) === 'inclusion_tag' && name) return stringValue(name);
  }
  return undefined;
}

function returnedContext(fn: Node, file: string): { name: string; query: QuerySite }[] {
  const scope = new Map<string, QuerySite>();
  const context: { name: string; query: QuerySite }[] = [];
  for (const node of descendants(fn)) {
    if (node.type === 'assignment') {
      const target = node.childForFieldName('left');
      const value = node.childForFieldName('right');
      const site = value ? readQueryChain(value, file, scope) : undefined;
      if (target?.type === 'identifier' && site) scope.set(target.text, site);
    }
    if (node.type !== 'return_statement' || node.namedChildren[0]?.type !== 'dictionary') continue;
    for (const pair of namedChildren(node.namedChildren[0])) {
      const key = pair.type === 'pair' ? pair.childForFieldName('key') : undefined;
      const value = pair.childForFieldName('value');
      const name = key ? stringValue(key) : undefined;
      const query = value ? (value.type === 'identifier' ? scope.get(value.text) : readQueryChain(value, file, scope)) : undefined;
      if (name && query) context.push({ name, query });
    }
  }
  return context;
}
