// `render(request, "catalog/book_list.html", {"books": books})` and its relatives: which template a
// view renders, and which context names hold querysets.
import type { Node } from 'web-tree-sitter';
import type { QuerySite, TemplateRender } from '../../model/types';
import { readQueryChain } from './query-chains';
import { callParts, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

/** Callee → index of the template name and of the context among positional arguments. */
const RENDERERS: Record<string, [template: number, context: number]> = {
  render: [1, 2],
  TemplateResponse: [1, 2],
  render_to_response: [0, 1],
  render_to_string: [0, 1],
};

export function readRender(
  call: Node,
  file: string,
  queries: ReadonlyMap<string, QuerySite>,
  dicts: ReadonlyMap<string, Node>,
): TemplateRender | undefined {
  const { callee, positional, keywords } = callParts(call);
  const positions = callee ? RENDERERS[lastSegment(callee)] : undefined;
  if (!positions) return undefined;
  const templateNode = keywords.get('template_name') ?? positional[positions[0]];
  let contextNode: Node | undefined = keywords.get('context') ?? positional[positions[1]];
  if (contextNode?.type === 'identifier') contextNode = dicts.get(contextNode.text);
  const templates = templateNode ? templateNames(templateNode) : [];
  if (templates.length === 0 || contextNode?.type !== 'dictionary') return undefined;
  const context = namedChildren(contextNode).flatMap((pair) => {
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : undefined;
    const value = pair.childForFieldName('value');
    const name = key ? stringValue(key) : undefined;
    if (!name || !value) return [];
    const query = value.type === 'identifier' ? queries.get(value.text) : readQueryChain(value, file, queries);
    return query ? [{ name, query }] : [];
  });
  return context.length ? { templates, context, location: locationOf(file, call) } : undefined;
}

function templateNames(node: Node): string[] {
  const single = stringValue(node);
  if (single !== undefined) return [single];
  if (node.type !== 'list' && node.type !== 'tuple') return [];
  return namedChildren(node).flatMap((item) => {
    const name = stringValue(item);
    return name === undefined ? [] : [name];
  });
}
