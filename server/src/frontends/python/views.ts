// Django views that opt out of CSRF protection, and whether they change state: a comparison of
// request.method with an unsafe method, a write through the ORM, or a post/put/patch/delete handler.
import type { Node } from 'web-tree-sitter';
import type { ViewDecl } from '../../model/types';
import { callParts, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WRITES = new Set(['save', 'delete', 'create', 'update', 'bulk_create', 'bulk_update', 'get_or_create', 'update_or_create', 'add', 'remove', 'set', 'clear']);
const HANDLERS = new Set(['post', 'put', 'patch', 'delete']);

export function readViews(root: Node, file: string): ViewDecl[] {
  const views: ViewDecl[] = [];
  for (const node of namedChildren(root)) {
    if (node.type !== 'decorated_definition') continue;
    const definition = node.childForFieldName('definition');
    const name = definition?.childForFieldName('name');
    if (!definition || !name || !exempts(decorators(node))) continue;
    views.push({ name: name.text, stack: 'django', location: locationOf(file, name), csrfExempt: true, changesState: stateChanges(definition) });
  }
  // `@method_decorator(csrf_exempt, name="dispatch")` on the class, or on its dispatch().
  for (const node of namedChildren(root)) {
    const definition = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
    if (definition?.type !== 'class_definition') continue;
    const name = definition.childForFieldName('name');
    if (!name || views.some((view) => view.name === name.text)) continue;
    const body = definition.childForFieldName('body');
    const dispatchExempt = (body ? namedChildren(body) : []).some(
      (member) => member.type === 'decorated_definition' && member.childForFieldName('definition')?.childForFieldName('name')?.text === 'dispatch' && exempts(decorators(member)),
    );
    if ((node.type === 'decorated_definition' && exempts(decorators(node))) || dispatchExempt) {
      views.push({ name: name.text, stack: 'django', location: locationOf(file, name), csrfExempt: true, changesState: stateChanges(definition) });
    }
  }
  return views;
}

function decorators(node: Node): Node[] {
  return namedChildren(node).filter((child) => child.type === 'decorator');
}

function exempts(list: Node[]): boolean {
  return list.some((decorator) => {
    const target = decorator.namedChildren[0];
    if (!target) return false;
    if (target.type !== 'call') return lastSegment(target.text) === 'csrf_exempt';
    const { callee, positional } = callParts(target);
    return callee !== undefined && lastSegment(callee) === 'method_decorator' && positional.some((arg) => lastSegment(arg.text) === 'csrf_exempt');
  });
}

function stateChanges(definition: Node): string[] {
  const evidence = new Set<string>();
  for (const node of descendants(definition)) {
    if (node.type === 'comparison_operator') {
      const operands = namedChildren(node);
      const method = operands.map((operand) => stringValue(operand)).find((text) => text !== undefined && UNSAFE_METHODS.has(text));
      if (method && operands.some((operand) => operand.text.endsWith('.method'))) evidence.add(`request.method == "${method}"`);
    } else if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      if (method && WRITES.has(method)) evidence.add(`.${method}()`);
    } else if (node.type === 'function_definition' && node.id !== definition.id) {
      const name = node.childForFieldName('name')?.text;
      if (name && HANDLERS.has(name)) evidence.add(`a ${name}() handler`);
    }
  }
  return [...evidence];
}
